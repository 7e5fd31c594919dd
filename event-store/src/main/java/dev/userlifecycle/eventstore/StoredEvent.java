package dev.userlifecycle.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * An event as it is stored, before upcasting and deserialization: for audits and exports. An event that belongs to no
 * aggregate has its own identifier as {@code aggregateIdentifier}, sequence 0 and no {@code aggregateType}.
 *
 * @param position        the global position (the document's {@code _id})
 * @param timestamp       Axon's timestamp of the message (when it was created)
 * @param storedAt        when the engine stored it (the clock of the process that appended it)
 * @param payload         the serialized payload (JSON), as stored
 * @param metaData        the serialized meta-data (JSON), as stored
 * @param hash            the event's hash in its aggregate's chain; null for an event stored before the chain existed
 * @param previousHash    the hash it chains from; null with {@code hash}
 */
public record StoredEvent(long position, String aggregateIdentifier, String aggregateType, long sequenceNumber,
                          String eventIdentifier, Instant timestamp, Instant storedAt, String payloadType,
                          String payloadRevision, String payload, String metaData, String hash,
                          String previousHash) {

    static StoredEvent from(Document document) {
        Date storedAt = document.getDate(EventDocuments.STORED_AT);
        String timestamp = document.getString(EventDocuments.TIMESTAMP);
        return new StoredEvent(EventDocuments.positionOf(document),
                               document.getString(EventDocuments.AGGREGATE_ID),
                               document.getString(EventDocuments.AGGREGATE_TYPE),
                               EventDocuments.sequenceOf(document),
                               document.getString(EventDocuments.EVENT_ID),
                               timestamp == null ? null : DateTimeUtils.parseInstant(timestamp),
                               storedAt == null ? null : storedAt.toInstant(),
                               document.getString(EventDocuments.PAYLOAD_TYPE),
                               document.getString(EventDocuments.PAYLOAD_REVISION),
                               document.getString(EventDocuments.PAYLOAD),
                               document.getString(EventDocuments.META_DATA),
                               document.getString(EventDocuments.HASH),
                               document.getString(EventDocuments.PREVIOUS_HASH));
    }

    DomainEventData<String> eventData() {
        return new GenericDomainEventEntry<>(aggregateType, aggregateIdentifier, sequenceNumber, eventIdentifier,
                                             timestamp == null ? null : DateTimeUtils.formatInstant(timestamp),
                                             payloadType, payloadRevision, payload, metaData);
    }
}
