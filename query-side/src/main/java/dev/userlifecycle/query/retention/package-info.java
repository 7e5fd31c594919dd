/**
 * Retention, lifecycle composition, growth KPIs, the wake-up funnel and churn after incidents, computed from per-user
 * facts in business time: pure Java, no
 * MongoDB, Spring or Axon, so the definitions can be tested by hand and reused by any projection.
 *
 * <h2>Conventions shared by every computation</h2>
 * <ul>
 *   <li>Days are calendar days of the platform's time zone, as epoch days in {@link
 *       dev.userlifecycle.query.retention.UserFacts}; the caller (the projection) turns business times into days.</li>
 *   <li>Registering and purchasing are activity: the day of registration and every purchase day are active days.
 *       So period 0 of every cohort holds its whole cohort, and a user's first active day is their registration
 *       day.</li>
 *   <li>Every computation has an end of the data ({@code to}, or {@code asOf} for cohort tables): later events do
 *       not exist for it, so the figures of a past window never change.</li>
 *   <li>Buckets are calendar buckets: ISO weeks from Monday, calendar months
 *       ({@link dev.userlifecycle.query.retention.Granularity}).</li>
 *   <li>Shares are {@link java.math.BigDecimal}s with four decimals, rounded half up, {@code null} when there is
 *       nobody to take a share of; money has two decimals.</li>
 * </ul>
 *
 * <h2>Scale: computing directly</h2>
 * Each computation reads every user once and touches only the active days inside its window, in primitive arrays
 * without boxing. A million users with 23 active days each on average take 0.05 to 0.7 s per computation on one
 * core of a development machine ({@code MillionUsersTest}, opt-in). That is fine for a rebuild, a check or a
 * nightly run, not for an HTTP answer in 50 ms, nor with the facts of a million users read from MongoDB first.
 *
 * <h2>Scale: what a projection precomputes</h2>
 * The projection keeps one facts document per user (registration, activation, active days, purchases by order id,
 * the referrer's registration day). Applying an event to it is idempotent by construction: days are a set, a
 * purchase is keyed by its order. Every aggregate below is a function of these facts, never a blind increment:
 * {@link dev.userlifecycle.query.retention.AnalyticsCounters} holds them in memory and, when a user's facts change,
 * takes the user's old contribution out and puts the new one in, so the same facts twice change nothing and the
 * counters always equal a tally of the current facts (after a restart they are rebuilt from the facts in one pass).
 * The changed counters are written as documents that queries read by {@code _id}:
 * <ol>
 *   <li><b>Retention</b>: one {@link dev.userlifecycle.query.retention.CohortDayCounts} per basis and start day. A
 *       query reads the start days of its window ({@code _id $in}, about 365 for a year) and
 *       {@link dev.userlifecycle.query.retention.CohortCounts#table rolls them up}: every cohort granularity is a
 *       sum over start days, because each user has exactly one start day, and every period granularity has its own
 *       array, because distinct users per day do not add up to distinct users per week. "On or after" needs one
 *       more array, users by last active day, since distinct users per period cannot tell whether a user comes back
 *       later. The documents answer as of the end of the data; a table as of an earlier day, with later activity
 *       excluded, takes the direct computation.</li>
 *   <li><b>Lifecycle</b>: {@link dev.userlifecycle.query.retention.LifecycleCounts}, per granularity and bucket b,
 *       the users active in b, new in b, and active in b and in b − 1. Then returning(b) is the third,
 *       resurrecting(b) = active(b) − new(b) − returning(b), dormant(b) = active(b − 1) − returning(b).</li>
 *   <li><b>KPIs</b>: {@link dev.userlifecycle.query.retention.KpiDay}, per day, counters that add up over any
 *       window. Distinct users over a window (active users, buyers) do not add up by day, but a user is active in
 *       [f, t] exactly when one pair (previous active day p, active day a) of theirs has p &lt; f &le; a &le; t; so
 *       per day a histogram of gaps ("users active on a whose previous active day was g days before") answers any
 *       window as a sum over its days of the users with a gap longer than a − f. Repeat buyers need the next
 *       purchase as well, so buyers are kept by (days since the previous purchase day, days to the next).</li>
 *   <li><b>Wake-up funnel</b>: {@link dev.userlifecycle.query.retention.WakeUpDay}, per day of entering a wake-up
 *       campaign, the entries of each group, their outcomes, and the treatment entries contacted per step and
 *       skipped per step and reason. Each entry has one day, so any window of entry days is a sum of days
 *       ({@link dev.userlifecycle.query.retention.WakeUpFunnels}).</li>
 *   <li><b>Churn after an incident</b>: users per registration day, and per day the users who went dormant on it
 *       ({@link dev.userlifecycle.query.retention.DormancyDay}), by registration day and days since their previous
 *       dormancy, the same gap trick as active users, so distinct dormant users of a window add up from days. The
 *       affected users' own figures come from their facts and are taken out of everybody's
 *       ({@link dev.userlifecycle.query.retention.ChurnCounts}).</li>
 * </ol>
 */
package dev.userlifecycle.query.retention;
