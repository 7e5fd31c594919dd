package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record PurchaseMade(
        String userId,
        String orderId,
        Money amount,
        Instant occurredAt,
        boolean firstPurchase) implements UserEvent {
}
