package dev.userlifecycle.sagas.wakeup;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HoldoutTest {

    private static final String CAMPAIGN = "wake-up-2026-03-02T02:00:00Z";

    @Test
    void aUserAndCampaignAlwaysLandInTheSameBucket() {
        assertThat(Holdout.bucket("u-1", CAMPAIGN)).isEqualTo(Holdout.bucket("u-1", CAMPAIGN))
                                                   .isBetween(0, Holdout.BUCKETS - 1);
    }

    @Test
    void aboutTheConfiguredShareOfUsersIsHeldOut() {
        long heldOut = IntStream.range(0, 20_000)
                                .filter(i -> Holdout.contains(10, "u-" + i, CAMPAIGN))
                                .count();

        assertThat(heldOut).isBetween(1_800L, 2_200L);
    }

    @Test
    void noneAndAllAreHeldOutAtZeroAndHundredPercent() {
        assertThat(IntStream.range(0, 1_000).noneMatch(i -> Holdout.contains(0, "u-" + i, CAMPAIGN))).isTrue();
        assertThat(IntStream.range(0, 1_000).allMatch(i -> Holdout.contains(100, "u-" + i, CAMPAIGN))).isTrue();
    }
}
