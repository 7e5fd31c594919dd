package dev.userlifecycle.sagas.wakeup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours of the day, in the platform's time zone, in which no user is contacted: from {@code from} (inclusive) to
 * {@code until} (exclusive), across midnight when {@code from} is later than {@code until} (22:00 to 08:00). Equal
 * times mean no quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(zone, "zone");
    }

    /** {@code at} itself when it is outside quiet hours, otherwise the end of the quiet hours it falls in. */
    public Instant nextAllowed(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!isQuiet(time)) {
            return at;
        }
        LocalDate day = local.toLocalDate();
        boolean beforeMidnight = from.isAfter(until) && !time.isBefore(from);
        return ZonedDateTime.of(beforeMidnight ? day.plusDays(1) : day, until, zone).toInstant();
    }

    boolean isQuiet(LocalTime time) {
        if (from.equals(until)) {
            return false;
        }
        if (from.isBefore(until)) {
            return !time.isBefore(from) && time.isBefore(until);
        }
        return !time.isBefore(from) || time.isBefore(until);
    }
}
