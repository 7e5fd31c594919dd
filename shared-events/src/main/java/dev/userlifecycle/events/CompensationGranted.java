package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A user was compensated for an incident; a {@link PointsEarned} for the same points follows. */
@Revision("1")
public record CompensationGranted(
        String userId,
        String incidentId,
        long points,
        Instant occurredAt) implements UserEvent {
}
