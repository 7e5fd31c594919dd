package dev.userlifecycle.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Spends loyalty points, never more than the balance; once per {@code redemptionId}. */
public record RedeemPoints(
        @TargetAggregateIdentifier @ValidId String userId,
        @Positive long points,
        @NotBlank @Size(max = 200) String reason,
        @NotBlank @Size(max = 100) String redemptionId,
        @NotNull Instant occurredAt) implements UserCommand {
}
