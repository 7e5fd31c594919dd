package dev.userlifecycle.app.audit;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

import java.time.Instant;

/** A user's state asked for as of a moment before their registration. */
class NotRegisteredYetException extends LifecycleException {

    NotRegisteredYetException(String userId, Instant asOf, TimeBasis basis) {
        super(LifecycleError.Kind.NOT_FOUND, "asOf", "user '" + userId + "' was not registered yet at " + asOf
                + " (" + basis + " time)");
    }
}
