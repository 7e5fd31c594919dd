package dev.userlifecycle.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records that the user was contacted in step {@code step} of an outreach campaign (a wake-up campaign, or an
 * incident's apology). Recorded once per campaign, step and channel.
 */
public record RecordOutreachContact(
        @TargetAggregateIdentifier @ValidId String userId,
        @ValidId String campaignId,
        @NotBlank @Size(max = 64) String step,
        @NotNull Channel channel,
        @NotNull Instant occurredAt) implements UserCommand {
}
