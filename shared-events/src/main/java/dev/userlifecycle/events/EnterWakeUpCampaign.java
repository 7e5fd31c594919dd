package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Enters a dormant user into a wake-up campaign; a {@code holdout} user is never contacted (the control group). */
public record EnterWakeUpCampaign(
        @TargetAggregateIdentifier @ValidId String userId,
        @ValidId String campaignId,
        boolean holdout,
        @NotNull Instant occurredAt) implements UserCommand {
}
