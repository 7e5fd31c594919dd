package dev.userlifecycle.events;

/**
 * Query: one page of a user's points ledger ({@code GET /api/v1/users/{userId}/points}); answered with a
 * {@link PointsLedger}, or nothing for a user without one.
 *
 * @param limit  the most entries to answer
 * @param before answer only entries whose {@code sequence} is below it; {@code null} for the newest
 */
public record FindPointsLedger(String userId, int limit, Long before) {
}
