package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record LoyaltyTierChanged(
        String userId,
        LoyaltyTier from,
        LoyaltyTier to,
        Instant occurredAt) implements UserEvent {
}
