package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A dormant user became active again; {@code campaignId} names the wake-up campaign they were in, if any. */
@Revision("1")
public record UserReactivated(
        String userId,
        String campaignId,
        Instant occurredAt) implements UserEvent {
}
