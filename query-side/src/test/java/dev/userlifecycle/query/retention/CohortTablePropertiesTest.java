package dev.userlifecycle.query.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CohortTablePropertiesTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final List<UserFacts> USERS = RandomUsers.generate(7, 400, FIRST_DAY, 70);
    private static final LocalDate FROM = LocalDate.of(2026, 1, 12);
    private static final LocalDate TO = LocalDate.of(2026, 2, 20);
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);

    static Stream<Arguments> everyShapeOfTable() {
        List<Arguments> shapes = new ArrayList<>();
        for (CohortBasis basis : CohortBasis.values()) {
            for (Granularity cohort : Granularity.values()) {
                for (Granularity period : Granularity.values()) {
                    shapes.add(Arguments.of(basis, cohort, period));
                }
            }
        }
        return shapes.stream();
    }

    @ParameterizedTest
    @MethodSource("everyShapeOfTable")
    void onOrAfterIsNeverBelowOnAndNothingExceedsTheUsersWhoCouldReturn(CohortBasis basis, Granularity cohort,
                                                                          Granularity period) {
        CohortTable on = CohortTable.compute(USERS, basis, cohort, period, RetentionMode.ON, FROM, TO, AS_OF);
        CohortTable onOrAfter = CohortTable.compute(USERS, basis, cohort, period, RetentionMode.ON_OR_AFTER,
                                                    FROM, TO, AS_OF);

        assertThat(on.rows()).extracting(CohortRow::size).containsExactlyElementsOf(
                onOrAfter.rows().stream().map(CohortRow::size).toList());
        for (int r = 0; r < on.rows().size(); r++) {
            CohortRow onRow = on.rows().get(r);
            CohortRow onOrAfterRow = onOrAfter.rows().get(r);
            assertThat(onOrAfterRow.eligible()).isEqualTo(onRow.eligible());
            if (onRow.size() > 0) {
                assertThat(onRow.retained().get(0)).isEqualTo(onRow.size());
                assertThat(onRow.eligible().get(0)).isEqualTo(onRow.size());
            }
            for (int k = 0; k < onRow.retained().size(); k++) {
                assertThat(onRow.retained().get(k)).isLessThanOrEqualTo(onOrAfterRow.retained().get(k));
                assertThat(onOrAfterRow.retained().get(k)).isLessThanOrEqualTo(onRow.eligible().get(k));
                assertThat(onRow.eligible().get(k)).isBetween(1, onRow.size());
                if (k > 0) {
                    assertThat(onOrAfterRow.retained().get(k))
                            .isLessThanOrEqualTo(onOrAfterRow.retained().get(k - 1));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("everyShapeOfTable")
    void agreesWithTheDefinitionCheckedUserByUser(CohortBasis basis, Granularity cohort, Granularity period) {
        for (RetentionMode mode : RetentionMode.values()) {
            CohortTable table = CohortTable.compute(USERS, basis, cohort, period, mode, FROM, TO, AS_OF);
            assertThat(table.rows()).anyMatch(row -> row.size() > 1 && row.retained().size() > 1);

            for (CohortRow row : table.rows()) {
                List<UserFacts> members = USERS.stream()
                        .filter(user -> startDay(user, basis) != null)
                        .filter(user -> !startDay(user, basis).isAfter(AS_OF))
                        .filter(user -> cohort.bucketStart(startDay(user, basis)).equals(row.cohortStart()))
                        .toList();
                assertThat(row.size()).isEqualTo(members.size());
                for (int k = 0; k < row.retained().size(); k++) {
                    int offset = k;
                    assertThat(row.eligible().get(k)).as("eligible at %d", k).isEqualTo((int) members.stream()
                            .filter(user -> period.offset(startDay(user, basis), AS_OF) >= offset).count());
                    assertThat(row.retained().get(k)).as("retained at %d", k).isEqualTo((int) members.stream()
                            .filter(user -> retained(user, basis, period, mode, offset)).count());
                }
                int lastOffset = members.stream()
                        .mapToInt(user -> (int) period.offset(startDay(user, basis), AS_OF)).max().orElse(-1);
                assertThat(row.retained()).hasSize(lastOffset + 1);
            }
        }
    }

    private static boolean retained(UserFacts user, CohortBasis basis, Granularity period, RetentionMode mode,
                                    int offset) {
        LocalDate start = startDay(user, basis);
        for (int epochDay : user.activeDays()) {
            LocalDate day = LocalDate.ofEpochDay(epochDay);
            if (day.isBefore(start) || day.isAfter(AS_OF)) {
                continue;
            }
            long dayOffset = period.offset(start, day);
            if (dayOffset == offset || mode == RetentionMode.ON_OR_AFTER && dayOffset > offset) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate startDay(UserFacts user, CohortBasis basis) {
        int day = basis == CohortBasis.REGISTRATION ? user.registeredDay() : user.firstPurchaseDay();
        return day == UserFacts.NONE ? null : LocalDate.ofEpochDay(day);
    }
}
