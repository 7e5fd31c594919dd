package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Expires loyalty points; at most the balance expires. */
public record ExpirePoints(
        @TargetAggregateIdentifier @ValidId String userId,
        @Positive long points,
        @NotNull Instant occurredAt) implements UserCommand {
}
