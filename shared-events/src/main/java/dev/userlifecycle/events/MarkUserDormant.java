package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * Marks an active user dormant when they have had no activity for {@code dormancyPeriod} as of {@code asOf}
 * (business time); sent by a sweep over the read models.
 */
public record MarkUserDormant(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotNull Instant asOf,
        @NotNull Duration dormancyPeriod) implements UserCommand {
}
