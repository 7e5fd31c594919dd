package dev.userlifecycle.query.retention;

import static dev.userlifecycle.query.retention.CohortBasis.FIRST_PURCHASE;
import static dev.userlifecycle.query.retention.CohortBasis.REGISTRATION;
import static dev.userlifecycle.query.retention.Granularity.DAY;
import static dev.userlifecycle.query.retention.Granularity.MONTH;
import static dev.userlifecycle.query.retention.Granularity.WEEK;
import static dev.userlifecycle.query.retention.RetentionMode.ON;
import static dev.userlifecycle.query.retention.RetentionMode.ON_OR_AFTER;
import static dev.userlifecycle.query.retention.Users.day;
import static dev.userlifecycle.query.retention.Users.history;
import static dev.userlifecycle.query.retention.Users.purchase;
import static dev.userlifecycle.query.retention.Users.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortTableTest {

    private static final List<UserFacts> ANN_AND_BOB = List.of(
            user("ann", "2026-03-02", "2026-03-03", "2026-03-05"),
            user("bob", "2026-03-04", "2026-03-05", "2026-03-11"));

    @Test
    void dailyPeriodsOfAWeeklyCohortCountFromEachUsersOwnStartDay() {
        CohortTable table = CohortTable.compute(ANN_AND_BOB, REGISTRATION, WEEK, DAY, ON,
                                                day("2026-03-02"), day("2026-03-11"));

        CohortRow week = table.rows().get(0);
        assertThat(week.cohortStart()).isEqualTo(day("2026-03-02"));
        assertThat(week.size()).isEqualTo(2);
        assertThat(week.retained()).containsExactly(2, 2, 0, 1, 0, 0, 0, 1, 0, 0);
        assertThat(week.eligible()).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 1, 1);
        assertThat(rates(week)).containsExactly("1.0000", "1.0000", "0.0000", "0.5000", "0.0000", "0.0000",
                                                "0.0000", "0.5000", "0.0000", "0.0000");
        assertThat(week.isComplete(7)).isTrue();
        assertThat(week.isComplete(8)).isFalse();
    }

    @Test
    void onOrAfterCountsUsersUpToTheirLastActivePeriod() {
        CohortTable table = CohortTable.compute(ANN_AND_BOB, REGISTRATION, WEEK, DAY, ON_OR_AFTER,
                                                day("2026-03-02"), day("2026-03-11"));

        CohortRow week = table.rows().get(0);
        assertThat(week.retained()).containsExactly(2, 2, 2, 2, 1, 1, 1, 1, 0, 0);
        assertThat(rates(week)).containsExactly("1.0000", "1.0000", "1.0000", "1.0000", "0.5000", "0.5000",
                                                "0.5000", "0.5000", "0.0000", "0.0000");
    }

    @Test
    void everyCohortStartingInTheWindowIsARowEvenWhenEmpty() {
        CohortTable table = CohortTable.compute(ANN_AND_BOB, REGISTRATION, WEEK, DAY, ON,
                                                day("2026-03-02"), day("2026-03-11"));

        assertThat(table.rows()).extracting(CohortRow::cohortStart)
                .containsExactly(day("2026-03-02"), day("2026-03-09"));
        CohortRow empty = table.rows().get(1);
        assertThat(empty.size()).isZero();
        assertThat(empty.retained()).isEmpty();
        assertThat(empty.rates()).isEmpty();
    }

    @Test
    void weeksTurnOnMonday() {
        List<UserFacts> users = List.of(
                user("sunday", "2026-03-01", "2026-03-02"),
                user("monday", "2026-03-02", "2026-03-08"),
                user("next-sunday", "2026-03-08", "2026-03-09", "2026-03-16"));

        CohortTable on = CohortTable.compute(users, REGISTRATION, WEEK, WEEK, ON,
                                             day("2026-02-23"), day("2026-03-15"));

        assertThat(on.rows()).extracting(CohortRow::cohortStart)
                .containsExactly(day("2026-02-23"), day("2026-03-02"), day("2026-03-09"));
        assertThat(on.rows().get(0).retained()).containsExactly(1, 1, 0);
        assertThat(on.rows().get(0).eligible()).containsExactly(1, 1, 1);
        assertThat(on.rows().get(1).retained()).containsExactly(2, 1);
        assertThat(rates(on.rows().get(1))).containsExactly("1.0000", "0.5000");
        assertThat(on.rows().get(2).size()).isZero();
    }

    @Test
    void monthsOfDifferentLengthsAreWholeCalendarMonths() {
        List<UserFacts> users = List.of(
                user("jan-1", "2026-01-01", "2026-01-31", "2026-03-01"),
                user("jan-31", "2026-01-31", "2026-02-01"),
                user("feb-28", "2026-02-28", "2026-03-31"),
                user("mar-1", "2026-03-01", "2026-03-31"));

        CohortTable on = CohortTable.compute(users, REGISTRATION, MONTH, MONTH, ON,
                                             day("2026-01-01"), day("2026-03-31"));
        CohortTable onOrAfter = CohortTable.compute(users, REGISTRATION, MONTH, MONTH, ON_OR_AFTER,
                                                    day("2026-01-01"), day("2026-03-31"));

        assertThat(on.rows()).extracting(CohortRow::size).containsExactly(2, 1, 1);
        assertThat(on.rows()).extracting(CohortRow::retained)
                .containsExactly(List.of(2, 1, 1), List.of(1, 1), List.of(1));
        assertThat(rates(on.rows().get(0))).containsExactly("1.0000", "0.5000", "0.5000");
        assertThat(onOrAfter.rows()).extracting(CohortRow::retained)
                .containsExactly(List.of(2, 2, 1), List.of(1, 1), List.of(1));
    }

    @Test
    void dailyPeriodsOfAMonthlyCohortFollowEachUserForAsLongAsTheDataGoes() {
        List<UserFacts> users = List.of(
                user("jan-1", "2026-01-01", "2026-01-31", "2026-03-01"),
                user("jan-31", "2026-01-31", "2026-02-01"));

        CohortRow january = CohortTable.compute(users, REGISTRATION, MONTH, DAY, ON,
                                                day("2026-01-01"), day("2026-01-31"), day("2026-03-31"))
                .rows().get(0);

        assertThat(january.retained()).hasSize(90);
        assertThat(january.retained().get(0)).isEqualTo(2);
        assertThat(january.retained().get(1)).isEqualTo(1);
        assertThat(january.retained().get(30)).isEqualTo(1);
        assertThat(january.retained().get(59)).isEqualTo(1);
        assertThat(january.retained().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        assertThat(january.eligible().get(59)).isEqualTo(2);
        assertThat(january.eligible().get(60)).isEqualTo(1);
        assertThat(january.eligible().get(89)).isEqualTo(1);
    }

    @Test
    void usersWhoStartedBeforeTheWindowAreInNoCohortAndTheLastDayIsACohortOfOneCell() {
        List<UserFacts> users = List.of(
                user("gone", "2026-02-20", "2026-02-25"),
                user("old", "2026-02-20", "2026-03-02", "2026-03-03"),
                user("a", "2026-03-02", "2026-03-04"),
                user("last-day", "2026-03-04"));

        CohortTable table = CohortTable.compute(users, REGISTRATION, DAY, DAY, ON,
                                                day("2026-03-02"), day("2026-03-04"));

        assertThat(table.rows()).extracting(CohortRow::size).containsExactly(1, 0, 1);
        assertThat(table.rows().get(0).retained()).containsExactly(1, 0, 1);
        assertThat(table.rows().get(2).retained()).containsExactly(1);
        assertThat(table.rows().get(2).eligible()).containsExactly(1);
    }

    @Test
    void dataAfterTheEndIsIgnoredAndALaterEndOnlyAddsCells() {
        List<UserFacts> users = List.of(
                user("a", "2026-03-02", "2026-03-03", "2026-03-06"),
                user("after-the-window", "2026-03-05", "2026-03-06"));

        CohortTable untilTo = CohortTable.compute(users, REGISTRATION, DAY, DAY, ON,
                                                  day("2026-03-02"), day("2026-03-04"));
        CohortTable untilLater = CohortTable.compute(users, REGISTRATION, DAY, DAY, ON,
                                                     day("2026-03-02"), day("2026-03-04"), day("2026-03-06"));

        assertThat(untilTo.rows().get(0).retained()).containsExactly(1, 1, 0);
        assertThat(untilLater.rows().get(0).retained()).containsExactly(1, 1, 0, 0, 1);
        assertThat(untilLater.rows()).extracting(CohortRow::size).containsExactly(1, 0, 0);
    }

    @Test
    void usersStartingAfterTheEndOfTheDataAreNotYetInTheirCohort() {
        List<UserFacts> users = List.of(user("monday", "2026-03-02"), user("friday", "2026-03-06"));

        CohortTable table = CohortTable.compute(users, REGISTRATION, WEEK, DAY, ON,
                                                day("2026-03-02"), day("2026-03-03"));

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.size()).isEqualTo(1);
            assertThat(row.retained()).containsExactly(1, 0);
        });
    }

    @Test
    void aWindowStartingMidWeekLeavesOutTheWeekItStartsIn() {
        List<UserFacts> users = List.of(user("wednesday", "2026-03-04"), user("monday", "2026-03-09"));

        CohortTable table = CohortTable.compute(users, REGISTRATION, WEEK, DAY, ON,
                                                day("2026-03-04"), day("2026-03-10"));

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.cohortStart()).isEqualTo(day("2026-03-09"));
            assertThat(row.size()).isEqualTo(1);
            assertThat(row.eligible()).containsExactly(1, 1);
        });
    }

    @Test
    void firstPurchaseCohortsHoldBuyersOnlyAndIgnoreWhatTheyDidBefore() {
        List<UserFacts> users = List.of(
                user("browser", "2026-02-16", "2026-03-02"),
                purchase(history("buyer", "2026-02-16", "2026-02-20", "2026-03-16"), "2026-03-04", "10").build(),
                purchase(purchase(history("late-buyer", "2026-03-02"), "2026-03-11", "5"), "2026-03-10", "5").build());

        CohortTable on = CohortTable.compute(users, FIRST_PURCHASE, WEEK, WEEK, ON,
                                             day("2026-03-02"), day("2026-03-22"));
        CohortTable onOrAfter = CohortTable.compute(users, FIRST_PURCHASE, WEEK, WEEK, ON_OR_AFTER,
                                                    day("2026-03-02"), day("2026-03-22"));

        assertThat(on.rows()).extracting(CohortRow::size).containsExactly(1, 1, 0);
        assertThat(on.rows().get(0).retained()).containsExactly(1, 0, 1);
        assertThat(on.rows().get(1).retained()).containsExactly(1, 0);
        assertThat(onOrAfter.rows().get(0).retained()).containsExactly(1, 1, 1);
        assertThat(onOrAfter.rows().get(1).retained()).containsExactly(1, 0);
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStartsOrAfterTheData() {
        assertThatIllegalArgumentException().isThrownBy(() -> CohortTable.compute(
                ANN_AND_BOB, REGISTRATION, DAY, DAY, ON, day("2026-03-02"), day("2026-03-01")));
        assertThatIllegalArgumentException().isThrownBy(() -> CohortTable.compute(
                ANN_AND_BOB, REGISTRATION, DAY, DAY, ON, day("2026-03-02"), day("2026-03-05"), day("2026-03-04")));
    }

    static List<String> rates(CohortRow row) {
        return row.rates().stream().map(BigDecimal::toPlainString).toList();
    }
}
