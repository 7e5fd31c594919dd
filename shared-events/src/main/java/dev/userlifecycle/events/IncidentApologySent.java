package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record IncidentApologySent(
        String incidentId,
        String userId,
        Instant occurredAt) implements IncidentEvent {
}
