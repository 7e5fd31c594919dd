package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RecordApologySent(
        @TargetAggregateIdentifier @ValidId String incidentId,
        @ValidId String userId,
        @NotNull Instant occurredAt) implements IncidentCommand {
}
