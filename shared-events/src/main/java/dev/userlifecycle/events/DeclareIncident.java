package dev.userlifecycle.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Declares an incident that affected existing users. The number of affected users is bounded because the
 * declaration is one event and checks every user.
 */
public record DeclareIncident(
        @TargetAggregateIdentifier @ValidId String incidentId,
        @NotBlank @Size(max = 200) String title,
        @NotNull Severity severity,
        @NotEmpty @Size(max = 10_000) Set<@ValidId String> affectedUserIds,
        @NotNull Instant occurredAt) implements IncidentCommand {

    public DeclareIncident {
        // a copy that tolerates nulls, so that validation rather than the constructor reports them
        affectedUserIds = affectedUserIds == null ? null
                : Collections.unmodifiableSet(new LinkedHashSet<>(affectedUserIds));
    }
}
