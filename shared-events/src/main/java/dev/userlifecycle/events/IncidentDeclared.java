package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** An incident affected {@code affectedUserIds}; the apology is due by {@code apologyDueBy}, compensation later. */
@Revision("1")
public record IncidentDeclared(
        String incidentId,
        String title,
        Severity severity,
        Set<String> affectedUserIds,
        Instant occurredAt,
        Instant apologyDueBy,
        Instant compensationDueBy) implements IncidentEvent {

    public IncidentDeclared {
        affectedUserIds = Collections.unmodifiableSortedSet(new TreeSet<>(affectedUserIds));
    }
}
