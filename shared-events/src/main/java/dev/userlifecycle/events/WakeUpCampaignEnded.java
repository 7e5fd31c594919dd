package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record WakeUpCampaignEnded(
        String userId,
        String campaignId,
        WakeUpOutcome outcome,
        Instant occurredAt) implements UserEvent {
}
