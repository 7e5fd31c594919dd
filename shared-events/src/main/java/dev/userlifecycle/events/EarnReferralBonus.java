package dev.userlifecycle.events;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Credits the referral bonus to the referrer {@code userId} for the first purchase of {@code referredUserId}, once
 * per referred user; the amount and expiry come from the {@link LoyaltyProgram}.
 */
public record EarnReferralBonus(
        @TargetAggregateIdentifier @ValidId String userId,
        @ValidId String referredUserId,
        @NotNull Instant occurredAt) implements UserCommand {
}
