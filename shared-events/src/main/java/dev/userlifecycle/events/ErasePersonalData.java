package dev.userlifecycle.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Erases the user's personal data (GDPR, PIPL): the user records it once and answers the first erasure to every
 * repetition. {@code requestedBy} names who asked (an operator, never the data itself).
 */
public record ErasePersonalData(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotBlank @Size(max = 200) String requestedBy,
        @NotNull Instant occurredAt) implements UserCommand {
}
