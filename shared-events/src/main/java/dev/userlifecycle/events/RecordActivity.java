package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records that the user did something. {@code day} is the calendar day of {@code occurredAt} in the platform's
 * time zone, computed by the caller, so that the aggregate does not depend on a zone setting.
 */
public record RecordActivity(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotNull ActivityKind kind,
        @NotNull Instant occurredAt,
        @NotNull LocalDate day) implements UserCommand {
}
