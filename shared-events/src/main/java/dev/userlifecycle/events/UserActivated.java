package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record UserActivated(
        String userId,
        Instant occurredAt) implements UserEvent {
}
