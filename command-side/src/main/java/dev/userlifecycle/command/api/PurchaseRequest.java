package dev.userlifecycle.command.api;

import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PositiveAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

record PurchaseRequest(@NotBlank @Size(max = 100) String orderId,
                       @NotNull @Valid @PositiveAmount Money amount,
                       Instant occurredAt) {
}
