package dev.userlifecycle.command.api;

import dev.userlifecycle.events.Severity;
import dev.userlifecycle.events.ValidId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Set;

/** {@code incidentId} is generated when omitted. */
record DeclareIncidentRequest(@Pattern(regexp = ValidId.PATTERN, message = ValidId.MESSAGE) String incidentId,
                              @NotBlank @Size(max = 200) String title,
                              @NotNull Severity severity,
                              Instant occurredAt,
                              @NotEmpty @Size(max = 10_000) Set<@ValidId String> affectedUserIds) {
}
