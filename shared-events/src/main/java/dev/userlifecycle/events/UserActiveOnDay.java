package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The first activity of the user on {@code day} (platform time zone); later ones that day record nothing. */
@Revision("1")
public record UserActiveOnDay(
        String userId,
        LocalDate day,
        ActivityKind kind,
        Instant occurredAt) implements UserEvent {
}
