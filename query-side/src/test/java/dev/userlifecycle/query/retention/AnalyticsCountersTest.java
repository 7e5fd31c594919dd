package dev.userlifecycle.query.retention;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The precomputed counters answer exactly what the direct computations over the users' facts answer. */
class AnalyticsCountersTest {

    private static final List<UserFacts> USERS = RandomUsers.generate(41, 600, LocalDate.of(2025, 12, 1), 120);
    private static final Map<String, UserFacts> BY_ID =
            USERS.stream().collect(Collectors.toMap(UserFacts::userId, Function.identity()));

    private AnalyticsCounters counters;
    private AnalyticsCounters.Changes changes;
    private LocalDate asOf;

    @BeforeEach
    void feedTheUsersAsAProjectionWould() {
        counters = new AnalyticsCounters();
        List<UserFacts> shuffled = new ArrayList<>(USERS);
        Collections.shuffle(shuffled, new Random(7));
        for (UserFacts user : shuffled) {
            UserFacts registrationOnly = new UserFacts(user.userId(), user.registeredDay(), UserFacts.NONE,
                                                       new int[]{user.registeredDay()}, new int[0], new long[0],
                                                       user.referrerId());
            counters.replace(null, UserFacts.NONE, registrationOnly, referrerDay(user));
        }
        for (UserFacts user : shuffled) {
            UserFacts registrationOnly = new UserFacts(user.userId(), user.registeredDay(), UserFacts.NONE,
                                                       new int[]{user.registeredDay()}, new int[0], new long[0],
                                                       user.referrerId());
            counters.replace(registrationOnly, referrerDay(user), user, referrerDay(user));
            counters.replace(user, referrerDay(user), user, referrerDay(user));
        }
        changes = counters.drainChanges();
        asOf = counters.lastDay();
    }

    private static int referrerDay(UserFacts user) {
        return user.referrerId() == null ? UserFacts.NONE : BY_ID.get(user.referrerId()).registeredDay();
    }

    @Test
    void cohortTablesEqualTheDirectComputationForEveryShapeAndMode() {
        LocalDate from = LocalDate.of(2025, 12, 3);
        LocalDate to = LocalDate.of(2026, 3, 20);
        for (CohortBasis basis : CohortBasis.values()) {
            List<CohortDayCounts> days = changes.cohortDays().get(basis).stream()
                                                .map(day -> counters.cohortDay(basis, day, asOf))
                                                .toList();
            CohortCounts counts = new CohortCounts(basis, asOf, days);
            for (Granularity cohort : Granularity.values()) {
                for (Granularity period : Granularity.values()) {
                    for (RetentionMode mode : RetentionMode.values()) {
                        assertThat(counts.table(cohort, period, mode, from, to))
                                .as("%s %s cohorts, %s periods, %s", basis, cohort, period, mode)
                                .isEqualTo(CohortTable.compute(USERS, basis, cohort, period, mode, from, to, asOf));
                    }
                }
            }
        }
    }

    @Test
    void lifecycleCompositionEqualsTheDirectComputationUpToTheEndOfTheData() {
        for (Granularity interval : Granularity.values()) {
            LocalDate from = LocalDate.of(2025, 11, 20);
            assertThat(counters.lifecycle(interval).composition(from, asOf))
                    .as("%s intervals", interval)
                    .isEqualTo(LifecycleComposition.compute(USERS, interval, from, asOf));
        }
    }

    @Test
    void kpisOfAnyWindowEqualTheDirectComputation() {
        List<KpiDay> days = changes.kpiDays().stream().map(counters::kpiDay).filter(Objects::nonNull).toList();
        Random random = new Random(3);
        for (int window = 0; window < 40; window++) {
            LocalDate from = LocalDate.of(2025, 11, 25).plusDays(random.nextInt(150));
            LocalDate to = from.plusDays(random.nextInt(60));
            assertThat(Kpis.fromDays(days, from, to)).as("%s..%s", from, to)
                                                      .isEqualTo(Kpis.compute(USERS, from, to));
        }
    }

    @Test
    void replacingFactsByTheSameFactsChangesNothing() {
        UserFacts someone = USERS.get(17);
        counters.replace(someone, referrerDay(someone), someone, referrerDay(someone));

        assertThat(counters.drainChanges().isEmpty()).isTrue();
    }

    @Test
    void takingEveryContributionOutLeavesNothing() {
        for (UserFacts user : USERS) {
            counters.replace(user, referrerDay(user), null, UserFacts.NONE);
        }

        assertThat(counters.users()).isZero();
        assertThat(counters.lastDay()).isNull();
        Set<Integer> kpiDays = counters.drainChanges().kpiDays();
        assertThat(kpiDays).allSatisfy(day -> {
            KpiDay counts = counters.kpiDay(day);
            assertThat(counts.registered() + counts.purchases() + counts.activeGaps().length).isZero();
        });
        assertThat(counters.lifecycle(Granularity.WEEK).active()).containsOnly(0);
    }
}
