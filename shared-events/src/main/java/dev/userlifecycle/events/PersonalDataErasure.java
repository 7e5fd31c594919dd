package dev.userlifecycle.events;

import java.time.Instant;

/** The answer to {@link ErasePersonalData}: when the user's personal data was erased, and who asked for it. */
public record PersonalDataErasure(String userId, String requestedBy, Instant erasedAt) {
}
