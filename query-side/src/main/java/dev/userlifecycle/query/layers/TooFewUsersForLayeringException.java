package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

import java.time.LocalDate;

/** Fewer users were registered by the run's day than there are clusters to form (HTTP 422). */
public class TooFewUsersForLayeringException extends LifecycleException {

    public TooFewUsersForLayeringException(int k, int users, LocalDate asOfDay) {
        super(LifecycleError.Kind.RULE_VIOLATION, "k",
              "layering into k = " + k + " clusters needs at least " + k + " users registered on or before "
                      + asOfDay + ", there are " + users);
    }
}
