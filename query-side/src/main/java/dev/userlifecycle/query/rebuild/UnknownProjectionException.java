package dev.userlifecycle.query.rebuild;

import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** No projection of the query side has this name (HTTP 404). */
public class UnknownProjectionException extends LifecycleException {

    public UnknownProjectionException(String name) {
        super(LifecycleError.Kind.NOT_FOUND, "name", "no projection is named '" + name + "'; the projections are "
                + Arrays.stream(ReadModel.values()).map(ReadModel::projection).collect(Collectors.joining(", ")));
    }
}
