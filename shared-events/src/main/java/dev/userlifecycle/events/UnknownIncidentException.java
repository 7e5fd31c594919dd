package dev.userlifecycle.events;

public class UnknownIncidentException extends LifecycleException {

    public UnknownIncidentException(String incidentId) {
        super(LifecycleError.Kind.NOT_FOUND, "incidentId", "no incident '" + incidentId + "'");
    }
}
