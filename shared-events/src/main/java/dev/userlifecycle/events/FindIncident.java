package dev.userlifecycle.events;

/** Query: one incident ({@link IncidentView}) with its churn comparison; nothing for an unknown incident. */
public record FindIncident(String incidentId) {
}
