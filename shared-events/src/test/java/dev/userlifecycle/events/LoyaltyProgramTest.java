package dev.userlifecycle.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoyaltyProgramTest {

    private final LoyaltyProgram program = LoyaltyProgram.standard(ZoneId.of("Asia/Shanghai"));

    @Test
    void purchasePointsAreTheFloorOfAmountTimesRateTimesTheTierMultiplier() {
        assertThat(program.purchasePoints(Money.of("12.90", "CNY"), LoyaltyTier.BRONZE)).isEqualTo(12);
        assertThat(program.purchasePoints(Money.of("12.90", "CNY"), LoyaltyTier.GOLD)).isEqualTo(19);
        assertThat(program.purchasePoints(Money.of("100.00", "CNY"), LoyaltyTier.SILVER)).isEqualTo(120);
        assertThat(program.purchasePoints(Money.of("0.99", "CNY"), LoyaltyTier.BRONZE)).isZero();
    }

    @Test
    void theTierIsTheHighestWhoseThresholdIsReached() {
        assertThat(program.tierFor(0)).isEqualTo(LoyaltyTier.BRONZE);
        assertThat(program.tierFor(999)).isEqualTo(LoyaltyTier.BRONZE);
        assertThat(program.tierFor(1_000)).isEqualTo(LoyaltyTier.SILVER);
        assertThat(program.tierFor(19_999)).isEqualTo(LoyaltyTier.GOLD);
        assertThat(program.tierFor(20_000)).isEqualTo(LoyaltyTier.PLATINUM);
    }

    @Test
    void pointsExpireTwelveCalendarMonthsLaterInThePlatformZone() {
        // 2026-02-28 23:00 in Shanghai
        Instant earned = Instant.parse("2026-02-28T15:00:00Z");

        assertThat(program.expiryOf(earned)).isEqualTo(Instant.parse("2027-02-28T15:00:00Z"));
    }

    @Test
    void thresholdsMustRiseWithTheTier() {
        assertThatThrownBy(() -> new LoyaltyProgram(BigDecimal.ONE, program.multipliers(),
                                                    Map.of(LoyaltyTier.SILVER, 5_000L, LoyaltyTier.GOLD, 5_000L,
                                                           LoyaltyTier.PLATINUM, 20_000L),
                                                    100, Period.ofMonths(12), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GOLD");
    }

    @Test
    void everyTierNeedsAMultiplier() {
        assertThatThrownBy(() -> new LoyaltyProgram(BigDecimal.ONE, Map.of(LoyaltyTier.BRONZE, BigDecimal.ONE),
                                                    program.thresholds(), 100, Period.ofMonths(12),
                                                    ZoneId.of("UTC")))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("SILVER");
    }
}
