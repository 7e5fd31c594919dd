package dev.userlifecycle.command.api;

import java.time.Instant;

/** A body that only says when something happened (defaults to now). */
record OccurredAtRequest(Instant occurredAt) {
}
