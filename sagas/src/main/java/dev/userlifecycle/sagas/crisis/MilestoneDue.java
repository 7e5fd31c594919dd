package dev.userlifecycle.sagas.crisis;

import dev.userlifecycle.events.IncidentMilestone;

import java.time.Instant;

/** The payload of the deadline of a milestone of an incident. */
public record MilestoneDue(String incidentId, IncidentMilestone milestone, Instant dueBy) {
}
