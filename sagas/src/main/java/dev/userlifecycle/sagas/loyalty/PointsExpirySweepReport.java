package dev.userlifecycle.sagas.loyalty;

import dev.userlifecycle.events.PointsExpiryOutcome;

import java.time.Instant;

/**
 * What one points expiry sweep did.
 *
 * @param candidates    users the points ledgers named as due for review by {@code asOf}
 * @param expired       candidates who lost points that expired
 * @param pointsExpired the points that expired, all candidates together
 * @param downgraded    candidates whose tier fell
 * @param unchanged     candidates with nothing to expire and the same tier (an earning left the window, not enough
 *                      to lower the tier; or the ledger was behind)
 * @param failed        candidates whose command failed; the next sweep tries them again
 */
public record PointsExpirySweepReport(Instant asOf, long candidates, long expired, long pointsExpired,
                                      long downgraded, long unchanged, long failed) {

    /** Counts the outcomes of one sweep; commands complete on several threads. */
    static final class Tally {
        private long candidates;
        private long expired;
        private long pointsExpired;
        private long downgraded;
        private long unchanged;
        private long failed;

        synchronized void add(PointsExpiryOutcome outcome, Throwable failure) {
            candidates++;
            if (failure != null || outcome == null) {
                failed++;
                return;
            }
            if (outcome.pointsExpired() > 0) {
                expired++;
                pointsExpired += outcome.pointsExpired();
            }
            if (outcome.downgraded()) {
                downgraded++;
            }
            if (outcome.pointsExpired() == 0 && outcome.tierAfter() == outcome.tierBefore()) {
                unchanged++;
            }
        }

        synchronized PointsExpirySweepReport report(Instant asOf) {
            return new PointsExpirySweepReport(asOf, candidates, expired, pointsExpired, downgraded, unchanged,
                                               failed);
        }
    }
}
