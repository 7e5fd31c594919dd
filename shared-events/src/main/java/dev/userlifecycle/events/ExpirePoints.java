package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Brings the user's loyalty account up to {@code asOf} (business time): the points due to expire by then that are
 * neither redeemed nor expired yet expire, oldest first, and the tier falls when earnings leave the points lifetime.
 * Sent by the expiry sweep; its handler answers a {@link PointsExpiryOutcome}. Sending it again as of the same time
 * finds nothing to do.
 */
public record ExpirePoints(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotNull Instant asOf) implements UserCommand {
}
