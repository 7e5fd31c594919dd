package dev.userlifecycle.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Date;

/** Maps events and snapshots to and from documents. */
final class EventDocuments {

    static final String ID = "_id";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String AGGREGATE_TYPE = "type";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String STORED_AT = "storedAt";
    static final String PREVIOUS_HASH = "previousHash";
    static final String HASH = "hash";

    private EventDocuments() {
    }

    /**
     * An event document keyed by its global position. An event that belongs to no aggregate is stored, as Axon's
     * JDBC engine does, with its own identifier as aggregate identifier, sequence 0 and no type.
     */
    static Document eventDocument(long position, EventMessage<?> event, Serializer serializer, Date storedAt) {
        Document document = new Document(ID, position);
        writeFields(document, event, serializer);
        document.append(STORED_AT, storedAt);
        return document;
    }

    /** A snapshot, as the {@code snapshot} field of the aggregate's stream document. */
    static Document snapshotDocument(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = new Document();
        writeFields(document, snapshot, serializer);
        return document;
    }

    private static void writeFields(Document document, EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(event.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(event.getMetaData(), String.class);
        if (event instanceof DomainEventMessage<?> domainEvent) {
            document.append(AGGREGATE_ID, domainEvent.getAggregateIdentifier())
                    .append(SEQUENCE, domainEvent.getSequenceNumber())
                    .append(AGGREGATE_TYPE, domainEvent.getType());
        } else {
            document.append(AGGREGATE_ID, event.getIdentifier())
                    .append(SEQUENCE, 0L)
                    .append(AGGREGATE_TYPE, null);
        }
        document.append(EVENT_ID, event.getIdentifier())
                .append(TIMESTAMP, DateTimeUtils.formatInstant(event.getTimestamp()))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
    }

    static DomainEventData<String> toEventData(Document document) {
        return new GenericDomainEventEntry<>(document.getString(AGGREGATE_TYPE),
                                             document.getString(AGGREGATE_ID),
                                             sequenceOf(document),
                                             document.getString(EVENT_ID),
                                             document.getString(TIMESTAMP),
                                             document.getString(PAYLOAD_TYPE),
                                             document.getString(PAYLOAD_REVISION),
                                             document.getString(PAYLOAD),
                                             document.getString(META_DATA));
    }

    static long positionOf(Document document) {
        return ((Number) document.get(ID)).longValue();
    }

    static long sequenceOf(Document document) {
        return ((Number) document.get(SEQUENCE)).longValue();
    }

    static long storedAtMillis(Document document) {
        return document.getDate(STORED_AT).getTime();
    }
}
