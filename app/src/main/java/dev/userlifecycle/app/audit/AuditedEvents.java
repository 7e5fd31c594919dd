package dev.userlifecycle.app.audit;

import dev.userlifecycle.events.LifecycleEvent;
import dev.userlifecycle.eventstore.StoredEvent;
import dev.userlifecycle.eventstore.StoredEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns stored events into what the audit shows: payload and meta-data as the application reads them, through the
 * event store's own serializer and upcasters (so an event stored in an older revision shows as it is read today, and
 * personal data as the serializer gives it).
 */
final class AuditedEvents {

    private static final Logger logger = LoggerFactory.getLogger(AuditedEvents.class);

    private final StoredEvents storedEvents;

    AuditedEvents(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    /**
     * The event as the audit shows it: usually one entry; an upcaster that splits or drops stored events gives
     * several or one without a payload. An event that cannot be read is shown with {@code payloadError}.
     */
    List<AuditedEvent> render(StoredEvent event) {
        List<DomainEventMessage<?>> messages;
        try {
            messages = storedEvents.deserialize(event);
        } catch (RuntimeException e) {
            return List.of(unreadable(event, e));
        }
        if (messages.isEmpty()) {
            return List.of(withoutPayload(event, "the upcasters drop this stored event"));
        }
        List<AuditedEvent> rendered = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            try {
                rendered.add(render(event, message));
            } catch (RuntimeException e) {
                rendered.add(unreadable(event, e));
            }
        }
        return rendered;
    }

    private static AuditedEvent render(StoredEvent event, DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        Map<String, Object> metadata = new TreeMap<>(message.getMetaData());
        return new AuditedEvent(event.position(), event.aggregateType(), event.aggregateIdentifier(),
                                event.sequenceNumber(), message.getPayloadType().getSimpleName(),
                                event.payloadType(), event.payloadRevision(), event.eventIdentifier(),
                                businessTime(payload), event.storedAt(), payload, metadata, event.hash(), null);
    }

    /** The business time of a deserialized payload; null for one that has none. */
    static Instant businessTime(Object payload) {
        return payload instanceof LifecycleEvent lifecycleEvent ? lifecycleEvent.occurredAt() : null;
    }

    private AuditedEvent unreadable(StoredEvent event, RuntimeException e) {
        logger.warn("Event at position {} cannot be read for the audit", event.position(), e);
        return withoutPayload(event, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static AuditedEvent withoutPayload(StoredEvent event, String error) {
        return new AuditedEvent(event.position(), event.aggregateType(), event.aggregateIdentifier(),
                                event.sequenceNumber(), simpleName(event.payloadType()), event.payloadType(),
                                event.payloadRevision(), event.eventIdentifier(), null, event.storedAt(), null,
                                Map.of(), event.hash(), error);
    }

    private static String simpleName(String typeName) {
        return typeName == null ? null : typeName.substring(Math.max(typeName.lastIndexOf('.'),
                                                                     typeName.lastIndexOf('$')) + 1);
    }
}
