package dev.userlifecycle.sagas.crisis;

/** The payload of the deadline at which the saga works through the next batch of an incident's users. */
public record NextBatchDue(String incidentId) {
}
