package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record OutreachStepSkipped(
        String userId,
        String campaignId,
        String step,
        Channel channel,
        String reason,
        Instant occurredAt) implements UserEvent {
}
