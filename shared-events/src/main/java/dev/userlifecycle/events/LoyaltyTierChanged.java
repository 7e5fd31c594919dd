package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The user's tier changed: up when an earning made the points earned within the points lifetime reach a threshold,
 * down when earnings left that window.
 */
@Revision("1")
public record LoyaltyTierChanged(
        String userId,
        LoyaltyTier from,
        LoyaltyTier to,
        Instant occurredAt) implements UserEvent {
}
