package dev.userlifecycle.events;

/** Query: the incidents ({@link IncidentList}) of {@code status}, every incident when it is {@code null}. */
public record FindIncidents(IncidentStatus status) {
}
