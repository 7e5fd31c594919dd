package dev.userlifecycle.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where a user came from, in UTM terms: {@code source} (required), {@code medium} and {@code campaign}. */
public record AcquisitionChannel(
        @NotBlank @Size(max = 100) String source,
        @Size(max = 100) String medium,
        @Size(max = 100) String campaign) {
}
