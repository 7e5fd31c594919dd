package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Sent by the deadline of a milestone; records a miss only if the milestone is due and not yet reached. */
public record RecordMilestoneMissed(
        @TargetAggregateIdentifier @ValidId String incidentId,
        @NotNull IncidentMilestone milestone,
        @NotNull Instant occurredAt) implements IncidentCommand {
}
