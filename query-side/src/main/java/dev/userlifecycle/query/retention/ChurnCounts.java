package dev.userlifecycle.query.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Set;

/**
 * Churn after an incident declared on {@code declaredDay}: of the affected users and of the others registered by
 * that day, how many went dormant on a day of the window, the {@value #WINDOW_DAYS} days after the declaration's
 * day. Computed directly from every user's facts, or from the precomputed counters and the affected users' facts:
 * both give the same counts.
 *
 * @param affected          every affected user, whether the facts know them yet or not
 * @param affectedDormant   affected users who went dormant in the window
 * @param unaffected        users registered on or before the declaration's day who were not affected
 * @param unaffectedDormant of those, the users who went dormant in the window
 */
public record ChurnCounts(int affected, int affectedDormant, int unaffected, int unaffectedDormant) {

    public static final int WINDOW_DAYS = 30;

    public static int firstDay(int declaredDay) {
        return declaredDay + 1;
    }

    public static int lastDay(int declaredDay) {
        return declaredDay + WINDOW_DAYS;
    }

    public static ChurnCounts compute(Collection<WinBackFacts> users, Set<String> affectedIds, int declaredDay) {
        int affectedDormant = 0;
        int unaffected = 0;
        int unaffectedDormant = 0;
        for (WinBackFacts user : users) {
            boolean dormant = user.dormantBetween(firstDay(declaredDay), lastDay(declaredDay));
            if (affectedIds.contains(user.userId())) {
                affectedDormant += dormant ? 1 : 0;
            } else if (user.registeredDay() <= declaredDay) {
                unaffected++;
                unaffectedDormant += dormant ? 1 : 0;
            }
        }
        return new ChurnCounts(affectedIds.size(), affectedDormant, unaffected, unaffectedDormant);
    }

    /**
     * The counts from the users per registration day (pairs day, count, …), the {@link DormancyDay}s of the window
     * (others are ignored) and the facts of the affected users: every user's figures minus the affected users'.
     */
    public static ChurnCounts fromCounters(long[] registrations, Collection<DormancyDay> days, int affected,
                                           Collection<WinBackFacts> affectedFacts, int declaredDay) {
        int first = firstDay(declaredDay);
        int last = lastDay(declaredDay);
        long registered = 0;
        for (int i = 0; i < registrations.length && registrations[i] <= declaredDay; i += 2) {
            registered += registrations[i + 1];
        }
        long dormant = 0;
        for (DormancyDay day : days) {
            if (day.day() < first || day.day() > last) {
                continue;
            }
            long[] users = day.users();
            for (int i = 0; i < users.length; i += 2) {
                int gap = DormancyDay.daysSincePrevious(users[i]);
                // a user's first dormancy in the window is the one whose previous dormancy lies before it
                if (DormancyDay.registeredDay(users[i]) <= declaredDay && (gap == 0 || gap > day.day() - first)) {
                    dormant += users[i + 1];
                }
            }
        }
        int affectedDormant = 0;
        for (WinBackFacts user : affectedFacts) {
            boolean wentDormant = user.dormantBetween(first, last);
            affectedDormant += wentDormant ? 1 : 0;
            if (user.registeredDay() <= declaredDay) {
                registered--;
                dormant -= wentDormant ? 1 : 0;
            }
        }
        // the counters are written about a second after the facts: never answer less than nobody
        return new ChurnCounts(affected, affectedDormant, (int) Math.max(0, registered), (int) Math.max(0, dormant));
    }

    public BigDecimal affectedRate() {
        return Rates.of(affectedDormant, affected);
    }

    public BigDecimal unaffectedRate() {
        return Rates.of(unaffectedDormant, unaffected);
    }

    /** The affected rate minus the unaffected rate, from the exact fractions; {@code null} while either has none. */
    public BigDecimal difference() {
        if (affected == 0 || unaffected == 0) {
            return null;
        }
        long numerator = (long) affectedDormant * unaffected - (long) unaffectedDormant * affected;
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf((long) affected * unaffected), Rates.SCALE,
                                                    RoundingMode.HALF_UP);
    }
}
