package dev.userlifecycle.events;

/** An incident is open until both its milestones are reached. */
public enum IncidentStatus {
    OPEN, CLOSED
}
