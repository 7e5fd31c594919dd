package dev.userlifecycle.app.metadata;

import dev.userlifecycle.events.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands the {@code principal} and {@code source} of a command on to the events its handler applies. Only a
 * command's: a saga or policy handling an event sends commands of its own origin, never that of the event.
 */
class CommandOriginProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> origin = new HashMap<>();
        copy(message, AuditMetadata.PRINCIPAL, origin);
        copy(message, AuditMetadata.SOURCE, origin);
        return origin;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
