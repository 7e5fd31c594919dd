package dev.userlifecycle.query.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aRunningRebuildShowsItsShareOfTheHeadAndTheTimeLeftAtItsSpeed() {
        RebuildProgress progress = RebuildProgress.of(rebuild(RebuildState.RUNNING, 2_500, 10_000, 1_000));

        assertThat(progress.percent()).isEqualByComparingTo("25.0");
        assertThat(progress.eventsPerSecond()).isEqualTo(1_000);
        assertThat(progress.eta()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void thePercentageIsRoundedDownSoOnlyACopyAtTheHeadShowsAHundred() {
        assertThat(RebuildProgress.of(rebuild(RebuildState.RUNNING, 9_999, 10_000, 1)).percent())
                .isEqualByComparingTo("99.9");
        assertThat(RebuildProgress.of(rebuild(RebuildState.RUNNING, 10_000, 10_000, 1)).percent())
                .isEqualByComparingTo("100.0");
        assertThat(RebuildProgress.of(rebuild(RebuildState.RUNNING, 0, 0, 0)).percent())
                .as("an empty store").isEqualByComparingTo("100.0");
    }

    @Test
    void theTimeLeftIsUnknownUntilTheCopyHasASpeed() {
        assertThat(RebuildProgress.of(rebuild(RebuildState.RUNNING, 0, 10_000, 0)).eta()).isNull();
        assertThat(RebuildProgress.of(rebuild(RebuildState.SWITCHING, 10_000, 10_000, 500)).eta()).isNull();
        assertThat(RebuildProgress.of(rebuild(RebuildState.FAILED, 10, 10_000, 500)).eta()).isNull();
    }

    @Test
    void aCompletedRebuildIsAtAHundredWithNothingLeft() {
        RebuildProgress progress = RebuildProgress.of(rebuild(RebuildState.COMPLETED, 10_000, 10_020, 4_000));

        assertThat(progress.percent()).isEqualByComparingTo("100.0");
        assertThat(progress.eta()).isEqualTo(Duration.ZERO);
        assertThat(progress.eventsPerSecond()).isEqualTo(4_000);
    }

    @Test
    void aRebuildSurvivesItsDocument() {
        Rebuild rebuild = rebuild(RebuildState.SWITCHING, 7, 9, 3.5);

        assertThat(Rebuild.from(rebuild.toDocument())).isEqualTo(rebuild);
    }

    private static Rebuild rebuild(RebuildState state, long position, long head, double eventsPerSecond) {
        Rebuild started = Rebuild.started(ReadModel.USER_PROFILES, 2, 1, STARTED);
        return new Rebuild(started.projection(), state, started.generation(), started.previousGeneration(),
                           started.tokenName(), STARTED, STARTED.plusSeconds(5), null, null, position, head,
                           eventsPerSecond, null, null, false);
    }
}
