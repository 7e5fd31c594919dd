package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record PointsExpired(
        String userId,
        long points,
        Instant occurredAt) implements UserEvent {
}
