package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

/** Another layering run goes on; runs take turns (HTTP 409). */
public class LayeringRunInProgressException extends LifecycleException {

    public LayeringRunInProgressException(String runningRunId) {
        super(LifecycleError.Kind.CONFLICT, null,
              "layering run '" + runningRunId + "' is in progress; start another when it has finished");
    }
}
