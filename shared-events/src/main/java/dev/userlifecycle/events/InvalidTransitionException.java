package dev.userlifecycle.events;

/** The user or incident is in a state that does not allow the command, e.g. activating an active user. */
public class InvalidTransitionException extends LifecycleException {

    public InvalidTransitionException(String message) {
        super(LifecycleError.Kind.CONFLICT, null, message);
    }
}
