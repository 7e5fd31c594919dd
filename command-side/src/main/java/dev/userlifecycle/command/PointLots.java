package dev.userlifecycle.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.userlifecycle.events.LoyaltyProgram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The earnings of a loyalty account as lots, oldest first (by the business time they were earned at): what is left
 * of each, when it expires and how long it counts toward the tier. Redemptions and expiries take points from the
 * oldest lots first. A lot is dropped once it has no points left and no longer counts toward the tier.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class PointLots {

    /**
     * @param points    as earned
     * @param left      not redeemed or expired yet
     * @param expiresAt {@code null} for points that never expire
     */
    record Lot(Instant earnedAt, long points, long left, Instant expiresAt) {

        Lot less(long taken) {
            return new Lot(earnedAt, points, left - taken, expiresAt);
        }

        boolean dueBy(Instant moment) {
            return left > 0 && expiresAt != null && !expiresAt.isAfter(moment);
        }

        /** Until when the lot counts toward the tier: its expiry, or the points lifetime for points that never expire. */
        Instant countsUntil(LoyaltyProgram program) {
            return expiresAt != null ? expiresAt : program.expiryOf(earnedAt);
        }
    }

    private List<Lot> lots = new ArrayList<>();

    void add(Instant earnedAt, long points, Instant expiresAt) {
        int at = 0;
        while (at < lots.size() && !lots.get(at).earnedAt().isAfter(earnedAt)) {
            at++;
        }
        lots.add(at, new Lot(earnedAt, points, points, expiresAt));
    }

    /** Takes {@code points} from the oldest lots with points left. */
    void take(long points) {
        take(points, lot -> lot.left() > 0);
    }

    /**
     * Takes {@code points} from the lots due to expire by {@code moment}, oldest first, and from the oldest other lots
     * when those do not hold that many (an expiry recorded before lots were kept).
     */
    void expire(long points, Instant moment) {
        take(points - take(points, lot -> lot.dueBy(moment)), lot -> lot.left() > 0);
    }

    private long take(long points, Predicate<Lot> from) {
        long wanted = points;
        for (int i = 0; i < lots.size() && wanted > 0; i++) {
            Lot lot = lots.get(i);
            if (from.test(lot)) {
                long taken = Math.min(wanted, lot.left());
                lots.set(i, lot.less(taken));
                wanted -= taken;
            }
        }
        return points - wanted;
    }

    /** Forgets the lots without points left that expired by {@code now}, so no longer count toward the tier. */
    void dropSpentBefore(Instant now) {
        lots.removeIf(lot -> lot.left() == 0 && lot.expiresAt() != null && !lot.expiresAt().isAfter(now));
    }

    long dueBy(Instant moment) {
        return lots.stream().filter(lot -> lot.dueBy(moment)).mapToLong(Lot::left).sum();
    }

    /** The points earned at or before {@code moment} that still count toward the tier then. */
    long countingAt(Instant moment, LoyaltyProgram program) {
        return lots.stream()
                   .filter(lot -> !lot.earnedAt().isAfter(moment) && lot.countsUntil(program).isAfter(moment))
                   .mapToLong(Lot::points)
                   .sum();
    }

    List<UserState.Lot> state() {
        return lots.stream().map(lot -> new UserState.Lot(lot.earnedAt(), lot.points(), lot.left(), lot.expiresAt()))
                   .toList();
    }

    /** The earliest expiry among the lots with points left. */
    Optional<Instant> nextExpiry() {
        return lots.stream().filter(lot -> lot.left() > 0 && lot.expiresAt() != null).map(Lot::expiresAt)
                   .min(Instant::compareTo);
    }

    /** The earliest moment after {@code after} at which a lot stops counting toward the tier. */
    Optional<Instant> nextTierExit(Instant after, LoyaltyProgram program) {
        return lots.stream().map(lot -> lot.countsUntil(program)).filter(until -> until.isAfter(after))
                   .min(Instant::compareTo);
    }
}
