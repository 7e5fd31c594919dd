package dev.userlifecycle.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers a new user. {@code referrerId}, {@code region}, {@code contact} and {@code consents} are optional;
 * without consents the user has agreed to no marketing channel.
 */
public record RegisterUser(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotNull @Valid AcquisitionChannel channel,
        @Pattern(regexp = ValidId.PATTERN, message = ValidId.MESSAGE) String referrerId,
        @Size(max = 64) String region,
        @Valid Contact contact,
        ChannelConsents consents,
        @NotNull Instant occurredAt) implements UserCommand {
}
