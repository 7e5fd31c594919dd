package dev.userlifecycle.events;

/** An event in the stream of the incident {@link #incidentId()}. */
public interface IncidentEvent extends LifecycleEvent {

    String incidentId();
}
