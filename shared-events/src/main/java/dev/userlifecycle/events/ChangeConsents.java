package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ChangeConsents(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotNull ChannelConsents consents,
        @NotNull Instant occurredAt) implements UserCommand {
}
