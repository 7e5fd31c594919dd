package dev.userlifecycle.sagas.crisis;

/** The payload of the deadline at which the saga tries the failed apologies and compensations again. */
public record RetryDue(String incidentId) {
}
