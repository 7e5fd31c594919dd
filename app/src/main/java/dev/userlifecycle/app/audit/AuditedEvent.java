package dev.userlifecycle.app.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as the audit shows it.
 *
 * @param position     its global position in the event store
 * @param sequence     its sequence number in the aggregate's stream
 * @param type         the simple name of its payload type, after upcasting
 * @param payloadType  the payload type as stored (before upcasting)
 * @param revision     the payload revision as stored
 * @param occurredAt   the business time of the fact (from the payload); null for an event without one
 * @param storedAt     when the event store stored it
 * @param payload      the payload, deserialized with the event serializer after the upcasters
 * @param metadata     every meta-data key stored with the event
 * @param hash         its hash in the aggregate's chain; null for an event stored before the chain existed
 * @param payloadError why the payload could not be read; only then present, with {@code payload} null
 */
public record AuditedEvent(long position, String aggregateType, String aggregateId, long sequence, String type,
                           String payloadType, String revision, String eventId, Instant occurredAt,
                           Instant storedAt, Object payload, Map<String, Object> metadata, String hash,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String payloadError) {
}
