package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Every affected user got the apology (or compensation) at {@code occurredAt}; {@code met}: not after {@code dueBy}. */
@Revision("1")
public record IncidentMilestoneReached(
        String incidentId,
        IncidentMilestone milestone,
        Instant dueBy,
        Instant occurredAt,
        boolean met) implements IncidentEvent {
}
