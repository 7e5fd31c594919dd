package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The user became dormant at {@code occurredAt}: {@code lastActiveAt} plus the dormancy period. */
@Revision("1")
public record UserWentDormant(
        String userId,
        Instant lastActiveAt,
        Instant occurredAt) implements UserEvent {
}
