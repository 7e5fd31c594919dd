package dev.userlifecycle.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Credits the points of a purchase, once per order: the user aggregate takes their number from the amount and the
 * user's tier ({@link LoyaltyProgram#purchasePoints}) and their expiry from the points lifetime.
 */
public record EarnPurchasePoints(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotBlank @Size(max = 100) String orderId,
        @NotNull @Valid @PositiveAmount Money amount,
        @NotNull Instant occurredAt) implements UserCommand {
}
