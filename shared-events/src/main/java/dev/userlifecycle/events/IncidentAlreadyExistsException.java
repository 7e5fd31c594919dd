package dev.userlifecycle.events;

public class IncidentAlreadyExistsException extends LifecycleException {

    public IncidentAlreadyExistsException(String incidentId) {
        super(LifecycleError.Kind.CONFLICT, "incidentId", "incident '" + incidentId + "' is declared already");
    }
}
