package dev.userlifecycle.events;

/** A command to the {@code Incident} aggregate identified by {@link #incidentId()}. */
public interface IncidentCommand {

    String incidentId();
}
