package dev.userlifecycle.app.importing;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

/** An import was asked for while another one runs in the same process. */
public class ImportRunningException extends LifecycleException {

    public ImportRunningException(String runningJobId) {
        super(LifecycleError.Kind.CONFLICT, null, "import job '" + runningJobId + "' is running; start the next one"
                                                  + " when it has ended");
    }
}
