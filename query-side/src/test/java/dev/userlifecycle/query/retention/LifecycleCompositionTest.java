package dev.userlifecycle.query.retention;

import static dev.userlifecycle.query.retention.Users.day;
import static dev.userlifecycle.query.retention.Users.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleCompositionTest {

    @Test
    void everyStatusOnAWeeklyTimelineCheckedByHand() {
        List<UserFacts> users = List.of(
                // new in the week of 02-23, before the window
                user("a", "2026-02-25", "2026-03-03", "2026-03-10", "2026-03-24"),
                user("b", "2026-03-04", "2026-03-18", "2026-03-29"),
                user("long-gone", "2026-02-10", "2026-02-12"),
                user("gone-at-the-start", "2026-02-16", "2026-02-24"),
                user("last-day", "2026-03-29"),
                user("after-the-window", "2026-03-30"),
                user("back-after-the-window", "2026-03-10", "2026-03-31"));

        LifecycleComposition weeks = LifecycleComposition.compute(users, Granularity.WEEK,
                                                                  day("2026-03-02"), day("2026-03-29"));

        assertThat(weeks.intervals()).containsExactly(
                new LifecycleInterval(day("2026-03-02"), 1, 1, 0, 1),   // new b, returning a, dormant gone-at-the-start
                new LifecycleInterval(day("2026-03-09"), 1, 1, 0, 1),   // new back-after-the-window, returning a, dormant b
                new LifecycleInterval(day("2026-03-16"), 0, 0, 1, 2),   // resurrecting b, dormant a and back-after-…
                new LifecycleInterval(day("2026-03-23"), 1, 1, 1, 0));  // new last-day, returning b, resurrecting a
    }

    @Test
    void monthsOfDifferentLengthsAreWholeIntervals() {
        List<UserFacts> users = List.of(
                user("jan-31", "2026-01-31", "2026-03-01"),
                user("feb", "2026-02-01", "2026-02-28", "2026-03-31"));

        LifecycleComposition months = LifecycleComposition.compute(users, Granularity.MONTH,
                                                                   day("2026-01-01"), day("2026-04-30"));

        assertThat(months.intervals()).containsExactly(
                new LifecycleInterval(day("2026-01-01"), 1, 0, 0, 0),
                new LifecycleInterval(day("2026-02-01"), 1, 0, 0, 1),
                new LifecycleInterval(day("2026-03-01"), 0, 1, 1, 0),
                new LifecycleInterval(day("2026-04-01"), 0, 0, 0, 2));
    }

    @Test
    void dailyIntervalsTellADayOffFromADayBack() {
        List<UserFacts> users = List.of(user("u", "2026-03-01", "2026-03-02", "2026-03-04"));

        LifecycleComposition days = LifecycleComposition.compute(users, Granularity.DAY,
                                                                 day("2026-03-01"), day("2026-03-05"));

        assertThat(days.intervals()).extracting(LifecycleInterval::newUsers, LifecycleInterval::returning,
                                                LifecycleInterval::resurrecting, LifecycleInterval::dormant)
                .containsExactly(tuple(1, 0, 0, 0), tuple(0, 1, 0, 0), tuple(0, 0, 0, 1), tuple(0, 0, 1, 0),
                                 tuple(0, 0, 0, 1));
    }

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void statusesAddUpToTheActiveUsersOfThisAndThePreviousInterval(Granularity interval) {
        List<UserFacts> users = RandomUsers.generate(11, 300, LocalDate.of(2026, 1, 1), 90);
        LocalDate from = LocalDate.of(2026, 1, 20);
        LocalDate to = LocalDate.of(2026, 4, 15);

        LifecycleComposition composition = LifecycleComposition.compute(users, interval, from, to);

        assertThat(composition.intervals()).isNotEmpty();
        for (LifecycleInterval row : composition.intervals()) {
            LocalDate start = row.start();
            LocalDate previous = interval.bucketStart(start.minusDays(1));
            assertThat(row.active()).isEqualTo(activeIn(users, interval, start, to));
            assertThat(row.returning() + row.dormant()).isEqualTo(activeIn(users, interval, previous, to));
            assertThat(row.newUsers()).isEqualTo((int) users.stream()
                    .filter(user -> interval.bucketStart(LocalDate.ofEpochDay(user.firstActiveDay())).equals(start))
                    .filter(user -> !LocalDate.ofEpochDay(user.firstActiveDay()).isAfter(to))
                    .count());
        }
    }

    private static int activeIn(List<UserFacts> users, Granularity interval, LocalDate bucket, LocalDate to) {
        return (int) users.stream()
                .filter(user -> Arrays.stream(user.activeDays())
                        .mapToObj(LocalDate::ofEpochDay)
                        .anyMatch(day -> !day.isAfter(to) && interval.bucketStart(day).equals(bucket)))
                .count();
    }
}
