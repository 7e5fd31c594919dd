package dev.userlifecycle.command.api;

import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Contact;
import dev.userlifecycle.events.ValidId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Body of {@code POST /api/v1/users}; {@code occurredAt} defaults to now. */
record RegisterUserRequest(
        @ValidId String userId,
        Instant occurredAt,
        @NotNull @Valid AcquisitionChannel channel,
        @Pattern(regexp = ValidId.PATTERN, message = ValidId.MESSAGE) String referrerId,
        @Size(max = 64) String region,
        @Valid Contact contact,
        ChannelConsents consents) {
}
