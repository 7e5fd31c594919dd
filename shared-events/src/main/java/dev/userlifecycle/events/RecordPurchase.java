package dev.userlifecycle.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records a purchase; its handler answers a {@link PurchaseOutcome}. {@code day} is the calendar day of
 * {@code occurredAt} in the platform's time zone, as for {@link RecordActivity}.
 */
public record RecordPurchase(
        @TargetAggregateIdentifier @ValidId String userId,
        @NotBlank @Size(max = 100) String orderId,
        @NotNull @Valid @PositiveAmount Money amount,
        @NotNull Instant occurredAt,
        @NotNull LocalDate day) implements UserCommand {
}
