package dev.userlifecycle.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Credits loyalty points, once per {@code sourceId} (an order, a campaign reward…). {@code expiresAt} is optional:
 * without it the points never expire.
 */
public record EarnPoints(
        @TargetAggregateIdentifier @ValidId String userId,
        @Positive long points,
        @NotBlank @Size(max = 200) String reason,
        @NotBlank @Size(max = 100) String sourceId,
        @NotNull Instant occurredAt,
        Instant expiresAt) implements UserCommand {
}
