package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ConsentsChanged(
        String userId,
        ChannelConsents consents,
        Instant occurredAt) implements UserEvent {
}
