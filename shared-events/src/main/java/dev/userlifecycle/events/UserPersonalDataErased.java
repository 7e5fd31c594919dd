package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The user's personal data was erased at {@code occurredAt} at the request of {@code requestedBy}: every
 * {@link PersonalData} value of the user's earlier events reads as {@code null} from then on. Carries none itself.
 */
@Revision("1")
public record UserPersonalDataErased(
        String userId,
        String requestedBy,
        Instant occurredAt) implements UserEvent {
}
