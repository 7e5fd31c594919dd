package dev.userlifecycle.query.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The computations over a million users of a year, single-threaded. Opt-in because it needs a few hundred megabytes
 * and several seconds: {@code mvn -pl query-side test -Dtest=MillionUsersTest -Dretention.scale=true}.
 */
@EnabledIfSystemProperty(named = "retention.scale", matches = "true")
class MillionUsersTest {

    private static final int USERS = 1_000_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    @Test
    void everyComputationTakesAFewSecondsAtMost() {
        List<UserFacts> users = generate();
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LAST_DAY;

        timed("weekly cohorts, daily periods, on", () -> CohortTable.compute(
                users, CohortBasis.REGISTRATION, Granularity.WEEK, Granularity.DAY, RetentionMode.ON, from, to));
        timed("monthly cohorts, weekly periods, on or after", () -> CohortTable.compute(
                users, CohortBasis.REGISTRATION, Granularity.MONTH, Granularity.WEEK, RetentionMode.ON_OR_AFTER,
                from, to));
        timed("weekly lifecycle", () -> LifecycleComposition.compute(users, Granularity.WEEK, from, to));
        timed("monthly lifecycle", () -> LifecycleComposition.compute(users, Granularity.MONTH, from, to));
        timed("kpis", () -> Kpis.compute(users, from, to));
        CohortCounts counts = timed("cohort counters", () -> CohortCounts.of(users, CohortBasis.REGISTRATION, to));
        timed("rolled up from counters", () -> counts.table(Granularity.WEEK, Granularity.DAY, RetentionMode.ON,
                                                             from, to));
    }

    private static <T> T timed(String what, Supplier<T> computation) {
        computation.get();
        long start = System.nanoTime();
        T result = computation.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("%-48s %6d ms%n", what, took.toMillis());
        assertThat(took).as(what).isLessThan(Duration.ofSeconds(5));
        return result;
    }

    private static List<UserFacts> generate() {
        SplittableRandom random = new SplittableRandom(1);
        int first = (int) FIRST_DAY.toEpochDay();
        int last = (int) LAST_DAY.toEpochDay();
        List<UserFacts> users = new ArrayList<>(USERS);
        int[] days = new int[last - first + 1];
        long activeDays = 0;
        for (int i = 0; i < USERS; i++) {
            int registered = first + random.nextInt(last - first + 1);
            int count = 0;
            for (int day = registered; day <= last && count < 40; day += 1 + random.nextInt(random.nextInt(1, 30))) {
                days[count++] = day;
            }
            activeDays += count;
            int purchases = random.nextInt(4) == 0 ? Math.min(count, 1 + random.nextInt(3)) : 0;
            int[] purchaseDays = Arrays.copyOf(days, purchases);
            long[] amounts = random.longs(purchases, 100, 50_000).toArray();
            String referrer = random.nextInt(5) == 0 ? "u-" + random.nextInt(Math.max(i, 1)) : null;
            users.add(new UserFacts("u-" + i, registered, count > 1 ? days[1] : UserFacts.NONE,
                                    Arrays.copyOf(days, count), purchaseDays, amounts, referrer));
        }
        System.out.printf("%d users, %d active days%n", USERS, activeDays);
        return users;
    }
}
