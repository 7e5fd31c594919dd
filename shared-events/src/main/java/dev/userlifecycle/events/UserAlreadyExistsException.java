package dev.userlifecycle.events;

public class UserAlreadyExistsException extends LifecycleException {

    public UserAlreadyExistsException(String userId) {
        super(LifecycleError.Kind.CONFLICT, "userId", "user '" + userId + "' is registered already");
    }
}
