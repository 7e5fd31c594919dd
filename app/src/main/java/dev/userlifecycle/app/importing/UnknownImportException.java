package dev.userlifecycle.app.importing;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

/** No import job has the asked-for id. */
public class UnknownImportException extends LifecycleException {

    public UnknownImportException(String jobId) {
        super(LifecycleError.Kind.NOT_FOUND, null, "no import job '" + jobId + "'");
    }
}
