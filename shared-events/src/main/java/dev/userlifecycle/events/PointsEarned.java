package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Loyalty points credited; {@code expiresAt} is {@code null} for points that never expire. */
@Revision("1")
public record PointsEarned(
        String userId,
        long points,
        String reason,
        String sourceId,
        Instant occurredAt,
        Instant expiresAt) implements UserEvent {
}
