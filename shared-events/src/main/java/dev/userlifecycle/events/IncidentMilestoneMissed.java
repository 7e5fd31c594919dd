package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A milestone was not reached by {@code dueBy}; it can still be reached later, late. */
@Revision("1")
public record IncidentMilestoneMissed(
        String incidentId,
        IncidentMilestone milestone,
        Instant dueBy,
        Instant occurredAt) implements IncidentEvent {
}
