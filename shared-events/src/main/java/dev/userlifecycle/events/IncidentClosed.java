package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Both milestones were reached; the incident accepts no more commands. */
@Revision("1")
public record IncidentClosed(
        String incidentId,
        Instant occurredAt) implements IncidentEvent {
}
