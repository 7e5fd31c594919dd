package dev.userlifecycle.app.audit;

import dev.userlifecycle.command.UserState;

import java.time.Instant;

/**
 * A user's state as of a moment, rebuilt from the first events of their stream.
 *
 * @param basis         which time {@code asOf} is on ({@code business} or {@code storage})
 * @param sequence      the sequence number of the last event applied
 * @param position      its global position
 * @param occurredAt    its business time
 * @param storedAt      when it was stored
 * @param eventsApplied how many events the state was rebuilt from
 */
public record UserStateAsOf(String userId, Instant asOf, String basis, long sequence, long position,
                            Instant occurredAt, Instant storedAt, long eventsApplied, UserState state) {
}
