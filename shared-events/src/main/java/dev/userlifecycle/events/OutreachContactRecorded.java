package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record OutreachContactRecorded(
        String userId,
        String campaignId,
        String step,
        Channel channel,
        Instant occurredAt) implements UserEvent {
}
