package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record PointsRedeemed(
        String userId,
        long points,
        String reason,
        String redemptionId,
        Instant occurredAt) implements UserEvent {
}
