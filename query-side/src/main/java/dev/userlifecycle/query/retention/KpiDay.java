package dev.userlifecycle.query.retention;

/**
 * Precomputed counters of one day from which {@link Kpis#fromDays} answers the growth figures of any window as a sum
 * over its days. Distinct users over a window do not add up by day, so the day keeps, beside plain counts, small
 * histograms that let a window tell a user's first contribution inside it from later ones. Histograms are arrays of
 * pairs: key, count, key, count, … in ascending key order.
 *
 * @param day           the epoch day
 * @param registered    users who registered on the day
 * @param nextDayActive of those, the users active on the next day
 * @param purchases     purchases made on the day
 * @param cents         their amount in hundredths of the platform's currency
 * @param activations   of the users who registered on the day, by days from registration to activation
 * @param activeGaps    users active on the day, by days since their previous active day (0: their first ever)
 * @param buys          users with a purchase on the day, by {@link #buyKey}: days since their previous purchase day
 *                      (0: none) and days to their next purchase (0: another one on the same day, -1: none)
 * @param referrals     users referred by someone who registered on the day, by days from the referrer's registration
 *                      to theirs
 */
public record KpiDay(int day, int registered, int nextDayActive, int purchases, long cents, long[] activations,
                     long[] activeGaps, long[] buys, long[] referrals) {

    static long buyKey(int back, int forward) {
        return (long) back << 32 | (forward + 1);
    }

    static int back(long buyKey) {
        return (int) (buyKey >>> 32);
    }

    static int forward(long buyKey) {
        return (int) (buyKey & 0xFFFF_FFFFL) - 1;
    }
}
