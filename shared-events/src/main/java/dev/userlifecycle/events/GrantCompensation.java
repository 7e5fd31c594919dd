package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Compensates a user for an incident with loyalty points, once per incident. */
public record GrantCompensation(
        @TargetAggregateIdentifier @ValidId String userId,
        @ValidId String incidentId,
        @Positive long points,
        @NotNull Instant occurredAt) implements UserCommand {
}
