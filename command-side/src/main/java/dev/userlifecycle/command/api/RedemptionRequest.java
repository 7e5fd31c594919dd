package dev.userlifecycle.command.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** {@code redemptionId} makes a retried redemption count once; without it each request is a new redemption. */
record RedemptionRequest(@NotNull @Positive Long points,
                         @NotBlank @Size(max = 200) String reason,
                         @Size(min = 1, max = 100) String redemptionId,
                         Instant occurredAt) {
}
