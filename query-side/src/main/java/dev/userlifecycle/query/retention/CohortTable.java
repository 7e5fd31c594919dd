package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A retention table: one row per cohort, one cell per period offset.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>A user's <b>start day</b> is the day of registration ({@link CohortBasis#REGISTRATION}) or of the first
 *       purchase ({@link CohortBasis#FIRST_PURCHASE}); the user belongs to the {@code cohort} bucket of that day.
 *       Rows are the cohort buckets whose first day lies in [{@code from}, {@code to}], empty ones included; a user
 *       is counted only in the bucket of their own start day, never in an earlier one.</li>
 *   <li>The <b>end of the data</b> is {@code asOf} ({@code to} unless given): later activity and later users do not
 *       exist for the table, so a table for a past window stays the same when new events arrive.</li>
 *   <li><b>Period offsets are measured from each user's own start day</b>, in {@code period} buckets, as Amplitude
 *       and PostHog do: period k of a user is the {@code period} bucket k buckets after the one containing the
 *       user's start day (calendar buckets, see {@link Granularity}). Period 0 is the bucket of the start day
 *       itself; since registering and purchasing are activity, {@code retained[0] == size} in every row.</li>
 *   <li>{@link RetentionMode#ON}: retained in period k when active on some day of the user's period k.
 *       {@link RetentionMode#ON_OR_AFTER}: when active in period k or any later period up to the end of the data,
 *       that is when the user's last active day (up to the end of the data) lies in period k or later.</li>
 *   <li>A user is <b>eligible</b> for period k when that period has begun by the end of the data (the last period
 *       may be partly observed, as in both tools). A cell exists when at least one user of the cohort is eligible:
 *       periods beyond the end of the data are absent, not zero. The <b>rate</b> is {@code retained / eligible},
 *       a {@link java.math.BigDecimal} with four decimals rounded half up, so that the last cells of a cohort whose
 *       users started on different days are not biased down by users who could not yet return.</li>
 * </ul>
 *
 * <h2>Worked example</h2>
 * Weekly cohorts, daily periods, registration basis, {@code from} 2026-03-02 and {@code to} (so the end of the
 * data) Wednesday 2026-03-11: Ann registers on Monday 2026-03-02 and is active on 03-03 and 03-05; Bob registers on Wednesday
 * 03-04 and is active on 03-05 and 03-11. Both are in the cohort of the week of 2026-03-02, size 2. Ann's offsets
 * are 0, 1 and 3 and she can be seen up to offset 9 (03-11); Bob's are 0, 1 and 7 and he can be seen up to
 * offset 7 (03-11).
 * <pre>
 * offset            0    1    2    3    4    5    6    7    8    9
 * eligible          2    2    2    2    2    2    2    2    1    1
 * ON  retained      2    2    0    1    0    0    0    1    0    0
 *     rate        1.0  1.0  0.0  0.5  0.0  0.0  0.0  0.5  0.0  0.0
 * ON_OR_AFTER       2    2    2    2    1    1    1    1    0    0   (Ann's last offset is 3, Bob's is 7)
 * </pre>
 *
 * @param rows one per cohort bucket starting in [{@code from}, {@code to}], in order
 */
public record CohortTable(
        CohortBasis basis,
        Granularity cohort,
        Granularity period,
        RetentionMode mode,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        List<CohortRow> rows) {

    public CohortTable {
        rows = List.copyOf(rows);
    }

    /** The table of cohorts starting in [{@code from}, {@code to}], with the data ending on {@code to}. */
    public static CohortTable compute(Collection<UserFacts> users, CohortBasis basis, Granularity cohort,
                                      Granularity period, RetentionMode mode, LocalDate from, LocalDate to) {
        return compute(users, basis, cohort, period, mode, from, to, to);
    }

    /** The table of cohorts starting in [{@code from}, {@code to}], with the data ending on {@code asOf}. */
    public static CohortTable compute(Collection<UserFacts> users, CohortBasis basis, Granularity cohort,
                                      Granularity period, RetentionMode mode, LocalDate from, LocalDate to,
                                      LocalDate asOf) {
        CohortAccumulator table = new CohortAccumulator(basis, cohort, period, mode, from, to, asOf);
        for (UserFacts user : users) {
            table.add(user);
        }
        return table.toTable();
    }

    static void requireOrdered(LocalDate from, LocalDate to, LocalDate asOf) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        if (from.isAfter(to) || to.isAfter(asOf)) {
            throw new IllegalArgumentException("expected from <= to <= asOf, got " + from + ", " + to + ", " + asOf);
        }
    }
}
