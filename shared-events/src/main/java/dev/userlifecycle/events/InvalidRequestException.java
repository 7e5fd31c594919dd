package dev.userlifecycle.events;

/** A query or command parameter that is malformed or out of range, named by {@code field}. */
public class InvalidRequestException extends LifecycleException {

    public InvalidRequestException(String field, String message) {
        super(LifecycleError.Kind.INVALID_REQUEST, field, message);
    }
}
