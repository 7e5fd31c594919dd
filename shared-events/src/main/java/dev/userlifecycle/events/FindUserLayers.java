package dev.userlifecycle.events;

/**
 * Query: a user's layer in every layering run that included the user, latest {@code asOf} first
 * ({@code GET /api/v1/users/{userId}/layers}); answered with a {@link UserLayerHistory}, or nothing for a user the
 * query side does not know.
 */
public record FindUserLayers(String userId) {
}
