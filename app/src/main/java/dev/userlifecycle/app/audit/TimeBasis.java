package dev.userlifecycle.app.audit;

import dev.userlifecycle.events.InvalidRequestException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which time {@code asOf} is on: the business time of the facts, or when the event store stored them. */
public enum TimeBasis {
    /** The events that happened by then ({@code occurredAt}): the user as the facts stood at that moment. */
    BUSINESS,
    /** The events stored by then ({@code storedAt}): the user as the service knew them at that moment. */
    STORAGE;

    static TimeBasis parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("basis", "'" + value + "' is not one of "
                    + Arrays.stream(values()).map(TimeBasis::toString).collect(Collectors.joining(", ")));
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
