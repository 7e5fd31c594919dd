package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RecordIncidentCompensation(
        @TargetAggregateIdentifier @ValidId String incidentId,
        @ValidId String userId,
        @Positive long points,
        @NotNull Instant occurredAt) implements IncidentCommand {
}
