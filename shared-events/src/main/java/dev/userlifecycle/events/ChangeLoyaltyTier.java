package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ChangeLoyaltyTier(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotNull LoyaltyTier tier,
        @NotNull Instant occurredAt) implements UserCommand {
}
