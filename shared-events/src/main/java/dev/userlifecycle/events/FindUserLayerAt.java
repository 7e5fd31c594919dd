package dev.userlifecycle.events;

import java.time.LocalDate;

/**
 * Query: a user's layer in the latest layering run whose {@code asOfDay} is on or before {@code at}
 * ({@code GET /api/v1/users/{userId}/layers?at=...}); answered with a {@link UserLayer} or nothing.
 */
public record FindUserLayerAt(String userId, LocalDate at) {
}
