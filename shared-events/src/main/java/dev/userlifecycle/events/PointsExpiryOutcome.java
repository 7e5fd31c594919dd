package dev.userlifecycle.events;

/**
 * What an {@link ExpirePoints} did.
 *
 * @param pointsExpired the points that expired, 0 when none
 * @param tierBefore    the tier before the command
 * @param tierAfter     the tier after it
 */
public record PointsExpiryOutcome(long pointsExpired, LoyaltyTier tierBefore, LoyaltyTier tierAfter) {

    public boolean downgraded() {
        return tierAfter.compareTo(tierBefore) < 0;
    }
}
