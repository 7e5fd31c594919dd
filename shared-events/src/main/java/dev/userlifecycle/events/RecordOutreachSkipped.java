package dev.userlifecycle.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records that a step of an outreach campaign was not sent to the user, and why (no consent, quiet hours…). */
public record RecordOutreachSkipped(
        @TargetAggregateIdentifier @ValidId String userId,
        @ValidId String campaignId,
        @NotBlank @Size(max = 64) String step,
        @NotNull Channel channel,
        @NotBlank @Size(max = 200) String reason,
        @NotNull Instant occurredAt) implements UserCommand {
}
