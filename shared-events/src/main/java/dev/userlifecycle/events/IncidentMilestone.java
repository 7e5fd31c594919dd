package dev.userlifecycle.events;

public enum IncidentMilestone {
    APOLOGY, COMPENSATION
}
