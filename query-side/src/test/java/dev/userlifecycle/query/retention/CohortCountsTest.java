package dev.userlifecycle.query.retention;

import static dev.userlifecycle.query.retention.Users.day;
import static dev.userlifecycle.query.retention.Users.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CohortCountsTest {

    private static final List<UserFacts> USERS = RandomUsers.generate(23, 500, LocalDate.of(2025, 12, 1), 100);

    static Stream<LocalDate> endsOfTheData() {
        return Stream.of(LocalDate.of(2026, 2, 18), LocalDate.of(2026, 6, 30));
    }

    @ParameterizedTest
    @MethodSource("endsOfTheData")
    void rollsUpTheSameTableAsTheDirectComputationForEveryShapeAndMode(LocalDate asOf) {
        LocalDate from = LocalDate.of(2025, 12, 10);
        LocalDate to = LocalDate.of(2026, 2, 18);
        for (CohortBasis basis : CohortBasis.values()) {
            CohortCounts counts = CohortCounts.of(USERS, basis, asOf);
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
    void countersOfADayWithoutLaterActivityStayExactAsTheDataGoesOn() {
        UserFacts ann = user("ann", "2026-03-02", "2026-03-03", "2026-03-10");
        UserFacts bob = user("bob", "2026-03-02", "2026-03-09");
        int monday = (int) day("2026-03-02").toEpochDay();
        CohortDayCounts computedEarlier = CohortDayCounts.of(CohortBasis.REGISTRATION, monday, List.of(ann, bob),
                                                             day("2026-03-12"));

        CohortCounts later = new CohortCounts(CohortBasis.REGISTRATION, day("2026-04-20"), List.of(computedEarlier));

        for (RetentionMode mode : RetentionMode.values()) {
            assertThat(later.table(Granularity.WEEK, Granularity.WEEK, mode, day("2026-03-01"), day("2026-03-31")))
                    .isEqualTo(CohortTable.compute(List.of(ann, bob), CohortBasis.REGISTRATION, Granularity.WEEK,
                                                   Granularity.WEEK, mode, day("2026-03-01"), day("2026-03-31"),
                                                   day("2026-04-20")));
        }
    }

    @Test
    void aDaysCountersHoldOnlyUsersWhoStartOnThatDay() {
        UserFacts ann = user("ann", "2026-03-02");

        assertThatIllegalArgumentException().isThrownBy(() -> CohortDayCounts.of(
                CohortBasis.REGISTRATION, (int) day("2026-03-03").toEpochDay(), List.of(ann), day("2026-03-12")));
    }

    @Test
    void refusesCountersThatSawMoreThanTheTable() {
        CohortDayCounts counts = CohortDayCounts.of(CohortBasis.REGISTRATION, (int) day("2026-03-02").toEpochDay(),
                                                    List.of(user("ann", "2026-03-02")), day("2026-03-12"));

        assertThatIllegalArgumentException().isThrownBy(
                () -> new CohortCounts(CohortBasis.REGISTRATION, day("2026-03-11"), List.of(counts)));
    }
}
