package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

/** No layering run answers the request (HTTP 404). */
public class UnknownLayeringRunException extends LifecycleException {

    private UnknownLayeringRunException(String field, String message) {
        super(LifecycleError.Kind.NOT_FOUND, field, message);
    }

    public static UnknownLayeringRunException none() {
        return new UnknownLayeringRunException(null, "no layering run has been stored yet");
    }

    public static UnknownLayeringRunException withId(String runId) {
        return new UnknownLayeringRunException("runId", "no layering run '" + runId + "'");
    }

    public static UnknownLayeringRunException since(String runId) {
        return new UnknownLayeringRunException("since", "no layering run '" + runId + "'");
    }

    public static UnknownLayeringRunException noneBefore(String runId) {
        return new UnknownLayeringRunException("since", "layering run '" + runId
                + "' is the first: there is no run before it to compare with");
    }

    public static UnknownLayeringRunException forUserAt(String userId, java.time.LocalDate at) {
        return new UnknownLayeringRunException("at", "no layering run on or before " + at + " included user '"
                + userId + "'");
    }
}
