package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record WakeUpCampaignEntered(
        String userId,
        String campaignId,
        boolean holdout,
        Instant occurredAt) implements UserEvent {
}
