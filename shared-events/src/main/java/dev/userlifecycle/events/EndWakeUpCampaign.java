package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record EndWakeUpCampaign(
        @TargetAggregateIdentifier @ValidId String userId,
        @ValidId String campaignId,
        @NotNull WakeUpOutcome outcome,
        @NotNull Instant occurredAt) implements UserCommand {
}
