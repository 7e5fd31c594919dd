package dev.userlifecycle.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of the loyalty programme that are configuration: how many points a purchase earns, the tier thresholds,
 * the referral bonus and how long points live. The {@code User} aggregate receives it as an injected resource; the
 * process that reacts to purchases reads the points lifetime from it.
 *
 * @param pointsPerUnit  points per whole unit of a purchase's currency, before the tier multiplier
 * @param multipliers    the multiplier of each tier
 * @param thresholds     the points earned within the points lifetime from which each tier above BRONZE starts
 * @param referralBonus  the points a referrer earns when a user they referred makes a first purchase
 * @param pointsLifetime how long earned points live, and how long an earning counts toward the tier
 * @param zone           the zone in which {@code pointsLifetime} is added (a month is a calendar month there)
 */
public record LoyaltyProgram(BigDecimal pointsPerUnit, Map<LoyaltyTier, BigDecimal> multipliers,
                             Map<LoyaltyTier, Long> thresholds, long referralBonus, Period pointsLifetime,
                             ZoneId zone) {

    public LoyaltyProgram {
        Objects.requireNonNull(pointsPerUnit, "pointsPerUnit");
        Objects.requireNonNull(pointsLifetime, "pointsLifetime");
        Objects.requireNonNull(zone, "zone");
        if (pointsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("pointsPerUnit must not be negative: " + pointsPerUnit);
        }
        if (referralBonus < 0) {
            throw new IllegalArgumentException("referralBonus must not be negative: " + referralBonus);
        }
        if (pointsLifetime.isNegative() || pointsLifetime.isZero()) {
            throw new IllegalArgumentException("pointsLifetime must be positive: " + pointsLifetime);
        }
        multipliers = complete("multiplier", multipliers, LoyaltyTier.values());
        multipliers.values().forEach(multiplier -> {
            if (multiplier.signum() < 0) {
                throw new IllegalArgumentException("a tier multiplier must not be negative: " + multiplier);
            }
        });
        Map<LoyaltyTier, Long> withBronze = new EnumMap<>(LoyaltyTier.class);
        withBronze.putAll(Objects.requireNonNull(thresholds, "thresholds"));
        withBronze.put(LoyaltyTier.BRONZE, 0L);
        thresholds = complete("threshold", withBronze, LoyaltyTier.values());
        long previous = 0;
        for (LoyaltyTier tier : LoyaltyTier.values()) {
            if (tier != LoyaltyTier.BRONZE && thresholds.get(tier) <= previous) {
                throw new IllegalArgumentException("the threshold of " + tier + " must be above the one below it: "
                                                           + thresholds);
            }
            previous = thresholds.get(tier);
        }
    }

    /**
     * One point per unit; multipliers BRONZE 1.0, SILVER 1.2, GOLD 1.5, PLATINUM 2.0; SILVER from 1 000 points, GOLD
     * from 5 000, PLATINUM from 20 000; 100 points per referral; points live 12 months.
     */
    public static LoyaltyProgram standard(ZoneId zone) {
        return new LoyaltyProgram(BigDecimal.ONE,
                                  Map.of(LoyaltyTier.BRONZE, new BigDecimal("1.0"), LoyaltyTier.SILVER,
                                         new BigDecimal("1.2"), LoyaltyTier.GOLD, new BigDecimal("1.5"),
                                         LoyaltyTier.PLATINUM, new BigDecimal("2.0")),
                                  Map.of(LoyaltyTier.SILVER, 1_000L, LoyaltyTier.GOLD, 5_000L,
                                         LoyaltyTier.PLATINUM, 20_000L),
                                  100, Period.ofMonths(12), zone);
    }

    /** The points a purchase of {@code amount} earns at {@code tier}: ⌊amount × points per unit × multiplier⌋. */
    public long purchasePoints(Money amount, LoyaltyTier tier) {
        return amount.amount().multiply(pointsPerUnit).multiply(multipliers.get(tier))
                     .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** When points earned at {@code earnedAt} expire, and stop counting toward the tier. */
    public Instant expiryOf(Instant earnedAt) {
        return earnedAt.atZone(zone).plus(pointsLifetime).toInstant();
    }

    /** The highest tier whose threshold {@code earned} reaches. */
    public LoyaltyTier tierFor(long earned) {
        LoyaltyTier reached = LoyaltyTier.BRONZE;
        for (LoyaltyTier tier : LoyaltyTier.values()) {
            if (earned >= thresholds.get(tier)) {
                reached = tier;
            }
        }
        return reached;
    }

    private static <V> Map<LoyaltyTier, V> complete(String what, Map<LoyaltyTier, V> values, LoyaltyTier[] tiers) {
        Objects.requireNonNull(values, what + "s");
        Map<LoyaltyTier, V> copy = new EnumMap<>(LoyaltyTier.class);
        for (LoyaltyTier tier : tiers) {
            copy.put(tier, Objects.requireNonNull(values.get(tier), "no " + what + " for " + tier));
        }
        return Collections.unmodifiableMap(copy);
    }
}
