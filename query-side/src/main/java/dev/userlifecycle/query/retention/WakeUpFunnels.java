package dev.userlifecycle.query.retention;

import dev.userlifecycle.events.WakeUpFunnel;
import dev.userlifecycle.events.WakeUpOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The wake-up funnel of the entries made on the days [{@code from}, {@code to}] ({@code null}: open), directly
 * from the users' facts or summed from precomputed {@link WakeUpDay}s: both give the same answer.
 * <p>
 * Reactivation rates are shares of the ended entries, so that open entries, whose outcome is unknown, neither count
 * as failures nor as successes; lift compares the two groups' rates from their exact fractions, rounded once.
 */
public final class WakeUpFunnels {

    private final SortedMap<String, Integer> contacted = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, Integer>> skipped = new TreeMap<>();
    // entered, reactivated, expired
    private final long[] treatment = new long[3];
    private final long[] holdout = new long[3];

    private WakeUpFunnels() {
    }

    /** The funnel from each entry of the users' facts. */
    public static WakeUpFunnel compute(Collection<WinBackFacts> users, LocalDate from, LocalDate to) {
        WakeUpFunnels funnel = new WakeUpFunnels();
        for (WinBackFacts user : users) {
            for (WakeUpEntry entry : user.wakeUps()) {
                if (within(entry.enteredDay(), from, to)) {
                    funnel.add(entry);
                }
            }
        }
        return funnel.view(from, to);
    }

    /** The funnel as a sum of the precomputed days; days outside the window are ignored. */
    public static WakeUpFunnel fromDays(Collection<WakeUpDay> days, LocalDate from, LocalDate to) {
        WakeUpFunnels funnel = new WakeUpFunnels();
        for (WakeUpDay day : days) {
            if (within(day.day(), from, to)) {
                funnel.add(day);
            }
        }
        return funnel.view(from, to);
    }

    private static boolean within(int day, LocalDate from, LocalDate to) {
        return (from == null || day >= from.toEpochDay()) && (to == null || day <= to.toEpochDay());
    }

    private void add(WakeUpEntry entry) {
        long[] group = entry.holdout() ? holdout : treatment;
        group[0]++;
        group[1] += entry.outcome() == WakeUpOutcome.REACTIVATED ? 1 : 0;
        group[2] += entry.outcome() == WakeUpOutcome.EXPIRED ? 1 : 0;
        if (!entry.holdout()) {
            entry.contacted().forEach(step -> contacted.merge(step, 1, Integer::sum));
            entry.skipped().forEach(skip -> skip(skip, 1));
        }
    }

    private void add(WakeUpDay day) {
        add(treatment, day.treatment());
        add(holdout, day.holdout());
        day.contacted().forEach((step, count) -> contacted.merge(step, count, Integer::sum));
        day.skipped().forEach(this::skip);
    }

    private static void add(long[] group, WakeUpDay.Outcomes outcomes) {
        group[0] += outcomes.entered();
        group[1] += outcomes.reactivated();
        group[2] += outcomes.expired();
    }

    private void skip(WakeUpEntry.Skip skip, int count) {
        skipped.computeIfAbsent(skip.step(), step -> new TreeMap<>()).merge(skip.reason(), count, Integer::sum);
    }

    private WakeUpFunnel view(LocalDate from, LocalDate to) {
        long treatmentEnded = treatment[1] + treatment[2];
        long holdoutEnded = holdout[1] + holdout[2];
        WakeUpFunnel.Treatment treated = new WakeUpFunnel.Treatment(
                Math.toIntExact(treatment[0]), contacted, skipped, Math.toIntExact(treatment[1]),
                Math.toIntExact(treatment[2]), Math.toIntExact(treatment[0] - treatmentEnded),
                Rates.of(treatment[1], treatmentEnded));
        WakeUpFunnel.Holdout control = new WakeUpFunnel.Holdout(
                Math.toIntExact(holdout[0]), Math.toIntExact(holdout[1]), Math.toIntExact(holdout[2]),
                Math.toIntExact(holdout[0] - holdoutEnded), Rates.of(holdout[1], holdoutEnded));
        return new WakeUpFunnel(from, to, Math.toIntExact(treatment[0] + holdout[0]), treated, control,
                                lift(treatment[1], treatmentEnded, holdout[1], holdoutEnded));
    }

    /**
     * With the rates t/e of the treatment and h/f of the holdout (reactivated of ended): absolute = t/e − h/f =
     * (tf − he) / ef, relative = absolute / (h/f) = (tf − he) / he.
     */
    static WakeUpFunnel.Lift lift(long t, long e, long h, long f) {
        if (e == 0 || f == 0) {
            return new WakeUpFunnel.Lift(null, null);
        }
        BigDecimal difference = BigDecimal.valueOf(t * f - h * e);
        BigDecimal absolute = difference.divide(BigDecimal.valueOf(e * f), Rates.SCALE, RoundingMode.HALF_UP);
        BigDecimal relative = h == 0 ? null
                : difference.divide(BigDecimal.valueOf(h * e), Rates.SCALE, RoundingMode.HALF_UP);
        return new WakeUpFunnel.Lift(absolute, relative);
    }
}
