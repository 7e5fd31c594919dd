package dev.userlifecycle.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The read model of one user, as the query side answers {@link FindUserProfile}.
 *
 * @param totalSpent        the sum of all purchases, {@code null} before the first
 * @param averageOrderValue {@code totalSpent / purchaseCount}, two decimals half-up, {@code null} before the first purchase
 * @param layer             the user's layer in the latest layering run, {@code null} until one has run
 * @param rfm               the user's RFM scores in the latest layering run, {@code null} until one has run
 * @param referrals         how many users this user referred
 * @param position          the global event position of the last event this profile reflects
 */
public record UserProfile(
        String userId,
        UserStatus status,
        Instant registeredAt,
        Instant activatedAt,
        Instant lastActiveAt,
        long purchaseCount,
        Money totalSpent,
        Money averageOrderValue,
        long pointsBalance,
        LoyaltyTier loyaltyTier,
        String layer,
        ProfileRfm rfm,
        long referrals,
        Long position) {
}
