package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** In the referrer's stream: the user {@code referredUserId} registered with {@code referrerId} as referrer. */
@Revision("1")
public record ReferralRecorded(
        String referrerId,
        String referredUserId,
        Instant occurredAt) implements UserEvent {

    /** The stream this event belongs to: the referrer's. */
    @Override
    public String userId() {
        return referrerId;
    }
}
