package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Points expired at {@code occurredAt}: the points earned that were due to expire by then and were neither redeemed
 * nor expired before, oldest first.
 */
@Revision("1")
public record PointsExpired(
        String userId,
        long points,
        Instant occurredAt) implements UserEvent {
}
