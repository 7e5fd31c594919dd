package dev.userlifecycle.command.api;

import dev.userlifecycle.events.ActivityKind;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

record ActivityRequest(@NotNull ActivityKind kind, Instant occurredAt) {
}
