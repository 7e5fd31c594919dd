package dev.userlifecycle.events;

import java.util.List;

/**
 * A user's loyalty points, as the query side answers {@link FindPointsLedger}.
 *
 * @param earnedTotal all points ever earned, before redemptions and expiries
 * @param entries     one page of the ledger, newest first
 * @param next        the {@code before} of the next (older) page; {@code null} on the last page
 */
public record PointsLedger(
        String userId,
        long balance,
        LoyaltyTier tier,
        long earnedTotal,
        List<PointsLedgerEntry> entries,
        Long next) {

    public PointsLedger {
        entries = List.copyOf(entries);
    }
}
