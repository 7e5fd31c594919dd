package dev.userlifecycle.events;

public class UnknownUserException extends LifecycleException {

    public UnknownUserException(String userId) {
        super(LifecycleError.Kind.NOT_FOUND, "userId", "no user '" + userId + "'");
    }
}
