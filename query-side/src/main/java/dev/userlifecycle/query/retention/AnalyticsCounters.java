package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every precomputed counter of retention, lifecycle composition, KPIs, the wake-up funnel and churn, in memory, kept
 * equal to a tally of the users' current facts: {@link #replace} takes a user's old contribution out and puts the new one in, so giving it
 * the same facts twice changes nothing. The changes since the last {@link #drainChanges} say which precomputed
 * documents a projection must write again. Thread-safe; a projection thread writes while a flusher reads.
 */
public final class AnalyticsCounters {

    private final RetentionCounters retention = new RetentionCounters();
    private final LifecycleCounters lifecycle = new LifecycleCounters();
    private final KpiCounters kpis = new KpiCounters();
    private final WakeUpCounters wakeUps = new WakeUpCounters();
    private final ChurnCounters churn = new ChurnCounters();
    private final TreeMap<Integer, Integer> usersByLastActiveDay = new TreeMap<>();
    private Changes changes = Changes.none();
    private boolean lifecycleChanged;
    private boolean registrationsChanged;

    /**
     * Which documents changed: the start days of each basis, the KPI days, the wake-up entry days, the dormancy
     * days, and whether the lifecycle counters (one document per granularity) and the totals did, and the
     * registrations per day.
     */
    public record Changes(Map<CohortBasis, Set<Integer>> cohortDays, Set<Integer> kpiDays, boolean lifecycle,
                          Set<Integer> wakeUpDays, Set<Integer> dormancyDays, boolean registrations) {

        static Changes none() {
            Map<CohortBasis, Set<Integer>> days = new EnumMap<>(CohortBasis.class);
            for (CohortBasis basis : CohortBasis.values()) {
                days.put(basis, new HashSet<>());
            }
            return new Changes(days, new HashSet<>(), false, new HashSet<>(), new HashSet<>(), false);
        }

        public boolean isEmpty() {
            return !lifecycle && !registrations && kpiDays.isEmpty() && wakeUpDays.isEmpty() && dormancyDays.isEmpty()
                    && cohortDays.values().stream().allMatch(Set::isEmpty);
        }
    }

    /**
     * Replaces what a user contributes: {@code before} (or {@code null} for a user not counted yet) by {@code after};
     * each comes with the registration day of the user's referrer, {@link UserFacts#NONE} without one.
     */
    public synchronized void replace(UserFacts before, int referrerDayBefore, UserFacts after, int referrerDayAfter) {
        if (before != null && before.equals(after) && referrerDayBefore == referrerDayAfter) {
            return;
        }
        if (before != null) {
            add(before, referrerDayBefore, -1);
        }
        if (after != null) {
            add(after, referrerDayAfter, 1);
        }
    }

    private void add(UserFacts user, int referrerRegisteredDay, int sign) {
        for (CohortBasis basis : CohortBasis.values()) {
            int start = retention.add(basis, user, sign);
            if (start != UserFacts.NONE) {
                changes.cohortDays().get(basis).add(start);
            }
        }
        lifecycle.add(user, sign);
        kpis.add(user, referrerRegisteredDay, sign, changes.kpiDays()::add);
        int last = user.activeDays()[user.activeDays().length - 1];
        usersByLastActiveDay.merge(last, sign, (a, b) -> a + b == 0 ? null : a + b);
        lifecycleChanged = true;
    }

    /**
     * Replaces what a user contributes to the wake-up funnel and churn: {@code before} (or {@code null} for a user
     * not counted yet) by {@code after}.
     */
    public synchronized void replace(WinBackFacts before, WinBackFacts after) {
        if (Objects.equals(before, after)) {
            return;
        }
        int registeredBefore = before == null ? UserFacts.NONE : before.registeredDay();
        int registeredAfter = after == null ? UserFacts.NONE : after.registeredDay();
        if (registeredBefore != registeredAfter) {
            if (before != null) {
                churn.register(registeredBefore, -1);
            }
            if (after != null) {
                churn.register(registeredAfter, 1);
            }
            registrationsChanged = true;
        }
        if (before != null) {
            addWinBack(before, -1);
        }
        if (after != null) {
            addWinBack(after, 1);
        }
    }

    private void addWinBack(WinBackFacts user, int sign) {
        wakeUps.add(user, sign, changes.wakeUpDays()::add);
        churn.addDormancies(user, sign, changes.dormancyDays()::add);
    }

    /** What changed since the previous call, which starts a new, empty set of changes. */
    public synchronized Changes drainChanges() {
        Changes drained = new Changes(changes.cohortDays(), changes.kpiDays(), lifecycleChanged,
                                      changes.wakeUpDays(), changes.dormancyDays(), registrationsChanged);
        changes = Changes.none();
        lifecycleChanged = false;
        registrationsChanged = false;
        return drained;
    }

    /** Marks everything as changed, so that the next flush writes every document (after a rebuild). */
    public synchronized void markAllChanged() {
        for (CohortBasis basis : CohortBasis.values()) {
            changes.cohortDays().get(basis).addAll(retention.startDays(basis));
        }
        changes.kpiDays().addAll(kpis.days());
        changes.wakeUpDays().addAll(wakeUps.days());
        changes.dormancyDays().addAll(churn.dormancyDays());
        lifecycleChanged = true;
        registrationsChanged = true;
    }

    /** The last day with any activity: the end of the data; {@code null} before the first user. */
    public synchronized LocalDate lastDay() {
        return usersByLastActiveDay.isEmpty() ? null : LocalDate.ofEpochDay(usersByLastActiveDay.lastKey());
    }

    public synchronized long users() {
        return usersByLastActiveDay.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The retention counters of one start day with the data ending on {@code asOf}; {@code null} if nobody started then. */
    public synchronized CohortDayCounts cohortDay(CohortBasis basis, int startDay, LocalDate asOf) {
        return retention.day(basis, startDay, asOf);
    }

    public synchronized LifecycleCounts lifecycle(Granularity interval) {
        return lifecycle.counts(interval);
    }

    /** The KPI counters of one day, {@code null} when nothing happened on it. */
    public synchronized KpiDay kpiDay(int day) {
        return kpis.day(day);
    }

    /** The wake-up counters of the entries of one day, {@code null} when nobody entered on it. */
    public synchronized WakeUpDay wakeUpDay(int day) {
        return wakeUps.day(day);
    }

    /** Every day with wake-up entries, in order. */
    public synchronized int[] wakeUpDays() {
        return wakeUps.days().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The dormancies of one day, {@code null} when nobody went dormant on it. */
    public synchronized DormancyDay dormancyDay(int day) {
        return churn.dormancyDay(day);
    }

    /** Users per registration day, in pairs day, count, … in order of days. */
    public synchronized long[] registrations() {
        return churn.registrations();
    }
}
