package dev.userlifecycle.command.api;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

record ConsentsRequest(@NotNull Boolean sms, @NotNull Boolean push, @NotNull Boolean email, Instant occurredAt) {
}
