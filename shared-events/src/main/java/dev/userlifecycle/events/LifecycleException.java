package dev.userlifecycle.events;

import org.axonframework.messaging.HandlerExecutionException;

/**
 * A command that the domain refuses. Thrown by command handlers; nothing has changed when it is thrown.
 * <p>
 * On a local command bus the caller receives the exception itself. It is a {@link HandlerExecutionException}
 * whose details are a {@link LifecycleError}, so across a distributed command bus the caller receives a
 * {@code CommandExecutionException} with the same details: {@code HandlerExecutionException.resolveDetails(e)}
 * finds them in both cases.
 */
public abstract class LifecycleException extends HandlerExecutionException {

    protected LifecycleException(LifecycleError.Kind kind, String field, String message) {
        super(message, null, new LifecycleError(kind, field, message));
    }

    public LifecycleError error() {
        return this.<LifecycleError>getDetails().orElseThrow();
    }

    /** The command field at fault, or {@code null}. */
    public String field() {
        return error().field();
    }
}
