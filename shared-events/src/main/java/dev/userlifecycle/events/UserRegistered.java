package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A user registered; {@code consents} is never null ({@link ChannelConsents#none()} when none were given). */
@Revision("1")
public record UserRegistered(
        String userId,
        AcquisitionChannel channel,
        String referrerId,
        String region,
        Contact contact,
        ChannelConsents consents,
        Instant occurredAt) implements UserEvent {
}
