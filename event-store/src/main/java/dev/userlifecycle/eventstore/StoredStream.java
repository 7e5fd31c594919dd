package dev.userlifecycle.eventstore;

import java.util.List;

/**
 * A page of an aggregate's stored events in sequence order.
 *
 * @param lastSequence the last sequence number of the whole stream
 * @param events       the page: the stored events of the sequence numbers asked for, without those the stream lists
 *                     but that no longer exist (the chain verification reports those)
 */
public record StoredStream(String aggregateIdentifier, String aggregateType, long lastSequence,
                           List<StoredEvent> events) {
}
