package dev.userlifecycle.command.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business time of a request: its {@code occurredAt}, or now; and the calendar day of it in the platform's zone. */
public final class BusinessTime {

    private final Clock clock;
    private final ZoneId platformZone;

    public BusinessTime(Clock clock, ZoneId platformZone) {
        this.clock = clock;
        this.platformZone = platformZone;
    }

    Instant orNow(Instant occurredAt) {
        return occurredAt == null ? clock.instant() : occurredAt;
    }

    LocalDate dayOf(Instant instant) {
        return instant.atZone(platformZone).toLocalDate();
    }
}
