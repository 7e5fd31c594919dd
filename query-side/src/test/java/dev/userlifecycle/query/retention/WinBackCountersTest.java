package dev.userlifecycle.query.retention;

import dev.userlifecycle.events.WakeUpFunnel;
import dev.userlifecycle.events.WakeUpOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The precomputed wake-up funnel and churn counters answer exactly what the direct computations answer. */
class WinBackCountersTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final List<WinBackFacts> USERS = RandomWinBacks.generate(11, 800, FIRST_DAY, 120);

    private AnalyticsCounters counters;
    private AnalyticsCounters.Changes changes;

    @BeforeEach
    void feedTheUsersAsAProjectionWould() {
        counters = new AnalyticsCounters();
        List<WinBackFacts> shuffled = new ArrayList<>(USERS);
        Collections.shuffle(shuffled, new Random(5));
        for (WinBackFacts user : shuffled) {
            counters.replace(null, halfOf(user));
        }
        for (WinBackFacts user : shuffled) {
            counters.replace(halfOf(user), user);
            counters.replace(user, user);
        }
        changes = counters.drainChanges();
    }

    /** The user earlier in their history: the first dormancy and the first entry, which had not ended yet. */
    private static WinBackFacts halfOf(WinBackFacts user) {
        int[] dormancies = user.dormancyDays().length == 0 ? new int[0] : new int[]{user.dormancyDays()[0]};
        List<WakeUpEntry> entries = user.wakeUps().stream().limit(1)
                .map(entry -> new WakeUpEntry(entry.campaignId(), entry.enteredDay(), entry.holdout(), List.of(),
                                              List.of(), null))
                .toList();
        return new WinBackFacts(user.userId(), user.registeredDay(), dormancies, entries);
    }

    @Test
    void theFunnelOfAnyWindowEqualsTheDirectComputation() {
        List<WakeUpDay> days = changes.wakeUpDays().stream().map(counters::wakeUpDay).filter(Objects::nonNull).toList();
        assertThat(days).hasSizeGreaterThan(100);
        Random random = new Random(9);
        for (int window = 0; window < 40; window++) {
            LocalDate from = window % 7 == 0 ? null : FIRST_DAY.plusDays(random.nextInt(200));
            LocalDate to = window % 5 == 0 ? null : (from == null ? FIRST_DAY : from).plusDays(random.nextInt(90));
            assertThat(WakeUpFunnels.fromDays(days, from, to)).as("%s..%s", from, to)
                                                             .isEqualTo(WakeUpFunnels.compute(USERS, from, to));
        }
        WakeUpFunnel all = WakeUpFunnels.fromDays(days, null, null);
        assertThat(all.treatment().entered()).isPositive();
        assertThat(all.holdout().entered()).isPositive();
        assertThat(all.treatment().contacted()).containsOnlyKeys("sms", "push", "call");
    }

    @Test
    void theChurnOfAnyIncidentEqualsTheDirectComputation() {
        Random random = new Random(13);
        for (int incident = 0; incident < 40; incident++) {
            int declaredDay = (int) FIRST_DAY.toEpochDay() + random.nextInt(180);
            Set<String> affected = new HashSet<>();
            for (int i = random.nextInt(60); i >= 0; i--) {
                // now and then a user the facts do not know yet
                affected.add("u-" + random.nextInt(USERS.size() + 20));
            }
            List<WinBackFacts> affectedFacts = USERS.stream().filter(user -> affected.contains(user.userId())).toList();
            List<DormancyDay> window = new ArrayList<>();
            for (int day = ChurnCounts.firstDay(declaredDay); day <= ChurnCounts.lastDay(declaredDay); day++) {
                if (counters.dormancyDay(day) != null) {
                    window.add(counters.dormancyDay(day));
                }
            }

            ChurnCounts precomputed = ChurnCounts.fromCounters(counters.registrations(), window, affected.size(),
                                                               affectedFacts, declaredDay);

            assertThat(precomputed).as("declared on %s", LocalDate.ofEpochDay(declaredDay))
                                   .isEqualTo(ChurnCounts.compute(USERS, affected, declaredDay));
        }
    }

    @Test
    void replacingFactsByTheSameFactsChangesNothing() {
        WinBackFacts someone = USERS.get(17);
        counters.replace(someone, someone);

        assertThat(counters.drainChanges().isEmpty()).isTrue();
    }

    @Test
    void takingEveryContributionOutLeavesNothing() {
        for (WinBackFacts user : USERS) {
            counters.replace(user, null);
        }

        AnalyticsCounters.Changes emptied = counters.drainChanges();
        assertThat(emptied.registrations()).isTrue();
        assertThat(counters.registrations()).isEmpty();
        assertThat(emptied.wakeUpDays()).isNotEmpty().allSatisfy(day -> assertThat(counters.wakeUpDay(day)).isNull());
        assertThat(emptied.dormancyDays()).isNotEmpty()
                                          .allSatisfy(day -> assertThat(counters.dormancyDay(day)).isNull());
        assertThat(counters.wakeUpDays()).isEmpty();
    }

    @Test
    void ratesAreSharesOfTheEndedEntriesAndLiftComparesTheGroups() {
        List<WinBackFacts> users = List.of(
                user("t1", entry(false, WakeUpOutcome.REACTIVATED, List.of("sms", "push"))),
                user("t2", entry(false, WakeUpOutcome.EXPIRED, List.of("sms"))),
                user("t3", entry(false, null, List.of())),
                user("h1", entry(true, WakeUpOutcome.REACTIVATED, List.of())),
                user("h2", entry(true, WakeUpOutcome.EXPIRED, List.of())),
                user("h3", entry(true, WakeUpOutcome.EXPIRED, List.of())));

        WakeUpFunnel funnel = WakeUpFunnels.compute(users, null, null);

        assertThat(funnel.entered()).isEqualTo(6);
        assertThat(funnel.treatment().open()).isEqualTo(1);
        assertThat(funnel.treatment().contacted()).containsEntry("sms", 2).containsEntry("push", 1);
        assertThat(funnel.treatment().reactivationRate()).as("1 of 2 ended").isEqualByComparingTo("0.5");
        assertThat(funnel.holdout().reactivationRate()).as("1 of 3 ended").isEqualByComparingTo("0.3333");
        assertThat(funnel.lift().absolute()).as("1/2 - 1/3").isEqualByComparingTo("0.1667");
        assertThat(funnel.lift().relative()).as("(1/2 - 1/3) / (1/3)").isEqualByComparingTo("0.5");
    }

    @Test
    void liftIsNullWhileAGroupHasNoEndedEntryOrTheHoldoutReactivatedNobody() {
        assertThat(WakeUpFunnels.lift(1, 2, 0, 0)).isEqualTo(new WakeUpFunnel.Lift(null, null));
        assertThat(WakeUpFunnels.lift(0, 0, 1, 2)).isEqualTo(new WakeUpFunnel.Lift(null, null));
        WakeUpFunnel.Lift noHoldoutReactivation = WakeUpFunnels.lift(1, 2, 0, 3);
        assertThat(noHoldoutReactivation.absolute()).isEqualByComparingTo("0.5");
        assertThat(noHoldoutReactivation.relative()).isNull();
    }

    @Test
    void theStepsOfHoldoutEntriesAreNotCounted() {
        WakeUpEntry held = new WakeUpEntry("c", 100, true, List.of(),
                                           List.of(new WakeUpEntry.Skip("sms", "HOLDOUT")), null);

        WakeUpFunnel funnel = WakeUpFunnels.compute(List.of(user("h", held)), null, null);

        assertThat(funnel.holdout().entered()).isEqualTo(1);
        assertThat(funnel.treatment().skipped()).isEmpty();
    }

    @Test
    void aUserWhoWentDormantTwiceInTheWindowCountsOnceAndLaterRegistrationsAreNotCompared() {
        int declared = 20_000;
        List<WinBackFacts> users = List.of(
                new WinBackFacts("twice", declared - 50, new int[]{declared + 2, declared + 9}, List.of()),
                new WinBackFacts("before", declared - 50, new int[]{declared}, List.of()),
                new WinBackFacts("last-day", declared, new int[]{declared + 30}, List.of()),
                new WinBackFacts("after", declared - 50, new int[]{declared + 31}, List.of()),
                new WinBackFacts("late", declared + 1, new int[]{declared + 5}, List.of()),
                new WinBackFacts("hit", declared - 50, new int[]{declared + 3}, List.of()));
        AnalyticsCounters fed = new AnalyticsCounters();
        users.forEach(user -> fed.replace(null, user));
        List<DormancyDay> window = new ArrayList<>();
        for (int day = declared + 1; day <= declared + 30; day++) {
            if (fed.dormancyDay(day) != null) {
                window.add(fed.dormancyDay(day));
            }
        }

        ChurnCounts counts = ChurnCounts.fromCounters(fed.registrations(), window, 2,
                                                      List.of(users.get(5)), declared);

        assertThat(counts).isEqualTo(ChurnCounts.compute(users, Set.of("hit", "unknown"), declared));
        assertThat(counts).as("twice and last-day of four").isEqualTo(new ChurnCounts(2, 1, 4, 2));
        assertThat(counts.affectedRate()).isEqualByComparingTo("0.5");
        assertThat(counts.unaffectedRate()).isEqualByComparingTo("0.5");
        assertThat(counts.difference()).isEqualByComparingTo("0");
    }

    private static WinBackFacts user(String userId, WakeUpEntry entry) {
        return new WinBackFacts(userId, entry.enteredDay() - 40, new int[]{entry.enteredDay()}, List.of(entry));
    }

    private static WakeUpEntry entry(boolean holdout, WakeUpOutcome outcome, List<String> contacted) {
        return new WakeUpEntry("wake-1", 20_100, holdout, contacted, List.of(), outcome);
    }
}
