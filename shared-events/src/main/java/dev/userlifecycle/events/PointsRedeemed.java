package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Points spent; they are taken from the oldest earnings that still have points left. */
@Revision("1")
public record PointsRedeemed(
        String userId,
        long points,
        String reason,
        String redemptionId,
        Instant occurredAt) implements UserEvent {
}
