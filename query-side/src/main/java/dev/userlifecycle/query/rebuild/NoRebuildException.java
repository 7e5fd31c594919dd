package dev.userlifecycle.query.rebuild;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

/** The projection exists but was never rebuilt, so there is no progress to show (HTTP 404). */
public class NoRebuildException extends LifecycleException {

    public NoRebuildException(String name) {
        super(LifecycleError.Kind.NOT_FOUND, null, "projection '" + name + "' has not been rebuilt yet");
    }
}
