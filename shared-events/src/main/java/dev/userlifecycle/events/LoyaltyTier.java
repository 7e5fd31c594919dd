package dev.userlifecycle.events;

public enum LoyaltyTier {
    BRONZE, SILVER, GOLD, PLATINUM
}
