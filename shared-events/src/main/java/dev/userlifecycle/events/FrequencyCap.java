package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/** At most {@code maxContacts} marketing contacts of a user, over all campaigns, within any {@code window}. */
public record FrequencyCap(@Positive int maxContacts, @NotNull Duration window) {

    public FrequencyCap {
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("the window of a frequency cap must be positive: " + window);
        }
    }
}
