package dev.userlifecycle.events;

/** Query: the profile of one user ({@code GET /api/v1/users/{userId}}); answered with a {@link UserProfile} or nothing. */
public record FindUserProfile(String userId) {
}
