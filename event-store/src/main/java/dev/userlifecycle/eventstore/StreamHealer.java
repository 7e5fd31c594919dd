package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Brings a stream document up to date with its events after a conflict. Normally the winner of a race lists its
 * events right after inserting them, and there is nothing to do. A process that died between inserting its events
 * and listing them leaves events the stream does not list: the aggregate would load without them and each of its
 * commands would conflict on the same sequence number for ever. Listing them is idempotent, so the loser of the
 * next conflict does it, after giving a live winner a moment to do it itself. It moves the stream's chain tip to the
 * hashes those events were stored with, so the chain stays whole: an interrupted commit leaves nothing that verifies
 * as broken.
 */
final class StreamHealer {

    private static final Logger logger = LoggerFactory.getLogger(StreamHealer.class);
    private static final long WINNER_GRACE_MILLIS = 20;

    private final MongoCollection<Document> events;
    private final AggregateStreams streams;

    StreamHealer(MongoCollection<Document> events, AggregateStreams streams) {
        this.events = events;
        this.streams = streams;
    }

    void healFrom(String aggregateId, long sequence) {
        if (streams.lists(aggregateId, sequence) || listedAfterGrace(aggregateId, sequence)) {
            return;
        }
        long next = sequence;
        Document event;
        // a lookup by (aggregate, sequence): indexed on MongoDB, a scan on the embedded server; only after a crash
        while ((event = events.find(Filters.and(Filters.eq(EventDocuments.AGGREGATE_ID, aggregateId),
                                                Filters.eq(EventDocuments.SEQUENCE, next))).first()) != null) {
            streams.record(null, List.of(new AggregateStreams.Append(
                    aggregateId, event.getString(EventDocuments.AGGREGATE_TYPE), next, next,
                    List.of(EventDocuments.positionOf(event)), event.getString(EventDocuments.HASH))));
            logger.warn("Listed event {} of aggregate [{}] at position {} in its stream: its commit was "
                                + "interrupted after writing the event", next, aggregateId,
                        EventDocuments.positionOf(event));
            next++;
        }
    }

    private boolean listedAfterGrace(String aggregateId, long sequence) {
        try {
            Thread.sleep(WINNER_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return streams.lists(aggregateId, sequence);
    }
}
