package dev.userlifecycle.events;

/** Loyalty tiers, lowest first ({@link LoyaltyProgram} sets their thresholds and multipliers). */
public enum LoyaltyTier {
    BRONZE, SILVER, GOLD, PLATINUM
}
