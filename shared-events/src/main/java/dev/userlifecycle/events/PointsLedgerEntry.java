package dev.userlifecycle.events;

import java.time.Instant;

/**
 * One event of a user's points ledger.
 *
 * @param sequence     the event's sequence number in the user's stream
 * @param points       the change of the balance: positive when earned, negative when redeemed or expired, 0 for a
 *                     tier change
 * @param balance      the balance after this entry
 * @param sourceId     what the points were earned for; only on {@code EARNED}
 * @param redemptionId only on {@code REDEEMED}
 * @param expiresAt    when earned points expire; {@code null} when they never do and on other kinds
 * @param tierFrom     only on {@code TIER_CHANGED}, as is {@code tierTo}
 */
public record PointsLedgerEntry(
        long sequence,
        Kind kind,
        long points,
        long balance,
        String reason,
        String sourceId,
        String redemptionId,
        Instant expiresAt,
        LoyaltyTier tierFrom,
        LoyaltyTier tierTo,
        Instant occurredAt) {

    public enum Kind {
        EARNED, REDEEMED, EXPIRED, TIER_CHANGED
    }
}
