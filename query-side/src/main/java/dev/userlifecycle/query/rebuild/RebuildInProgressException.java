package dev.userlifecycle.query.rebuild;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

/** A rebuild of the projection goes on; a projection is rebuilt once at a time (HTTP 409). */
public class RebuildInProgressException extends LifecycleException {

    public RebuildInProgressException(String name, RebuildState state) {
        super(LifecycleError.Kind.CONFLICT, null, "a rebuild of '" + name + "' is " + state
                + "; start another when it has finished");
    }
}
