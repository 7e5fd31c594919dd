package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the win-back figures know of one user: the registration day, the days the user went dormant (strictly
 * increasing) and the wake-up campaigns the user entered; days are epoch days of the platform's time zone.
 */
public record WinBackFacts(String userId, int registeredDay, int[] dormancyDays, List<WakeUpEntry> wakeUps) {

    public WinBackFacts {
        Objects.requireNonNull(userId, "userId");
        for (int i = 1; i < dormancyDays.length; i++) {
            if (dormancyDays[i] <= dormancyDays[i - 1]) {
                throw new IllegalArgumentException("dormancy days must be strictly increasing");
            }
        }
        wakeUps = List.copyOf(wakeUps);
    }

    /** Whether the user went dormant on a day of [{@code first}, {@code last}]. */
    public boolean dormantBetween(int first, int last) {
        int at = Days.firstAtOrAfter(dormancyDays, first);
        return at < dormancyDays.length && dormancyDays[at] <= last;
    }

    // a record compares arrays by identity; facts are values
    @Override
    public boolean equals(Object other) {
        return other instanceof WinBackFacts that && userId.equals(that.userId)
                && registeredDay == that.registeredDay && Arrays.equals(dormancyDays, that.dormancyDays)
                && wakeUps.equals(that.wakeUps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, registeredDay, Arrays.hashCode(dormancyDays), wakeUps);
    }

    @Override
    public String toString() {
        return "WinBackFacts[" + userId + ", registered " + LocalDate.ofEpochDay(registeredDay) + ", dormant "
                + dormancyDays.length + " times, " + wakeUps.size() + " wake-up campaigns]";
    }
}
