package dev.userlifecycle.app.command;

import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.LoyaltyTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * The loyalty programme's configuration; what is left out is {@link LoyaltyProgram#standard}'s.
 *
 * @param pointsPerUnit  points per whole unit of a purchase's currency, before the tier multiplier
 * @param multipliers    per tier ({@code bronze}, {@code silver}, {@code gold}, {@code platinum})
 * @param thresholds     points earned within the points lifetime from which {@code silver}, {@code gold} and
 *                       {@code platinum} start
 * @param referralBonus  points for the referrer at a referred user's first purchase
 * @param pointsLifetime how long points live and count toward the tier ({@code P12M}, {@code 365d}…)
 */
@ConfigurationProperties("lifecycle.loyalty")
public record LoyaltyProperties(BigDecimal pointsPerUnit, Map<LoyaltyTier, BigDecimal> multipliers,
                                Map<LoyaltyTier, Long> thresholds, Long referralBonus, Period pointsLifetime) {

    LoyaltyProgram program(ZoneId zone) {
        LoyaltyProgram standard = LoyaltyProgram.standard(zone);
        try {
            return new LoyaltyProgram(pointsPerUnit == null ? standard.pointsPerUnit() : pointsPerUnit,
                                      merged(standard.multipliers(), multipliers),
                                      merged(standard.thresholds(), thresholds),
                                      referralBonus == null ? standard.referralBonus() : referralBonus,
                                      pointsLifetime == null ? standard.pointsLifetime() : pointsLifetime, zone);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("lifecycle.loyalty is not a valid loyalty programme: " + e.getMessage(),
                                            e);
        }
    }

    private static <V> Map<LoyaltyTier, V> merged(Map<LoyaltyTier, V> defaults, Map<LoyaltyTier, V> configured) {
        Map<LoyaltyTier, V> merged = new EnumMap<>(defaults);
        if (configured != null) {
            merged.putAll(configured);
        }
        return merged;
    }
}
