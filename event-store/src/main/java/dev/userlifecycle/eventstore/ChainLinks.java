package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the hash an append chains from: the hash of the event before the first one appended to an aggregate.
 * <p>
 * It remembers the chain tip (the last sequence number and its hash) of the aggregates it has recently loaded or
 * appended to, so that the usual command (load, then append) reads nothing more than before: the tip comes with the
 * stream document that loading reads anyway, or from the process's own previous append when the aggregate is
 * cached. Only on a miss does it read the stream document's tip by {@code _id}, and only when that names another
 * sequence number (events listed by an older version of the engine, or a tip not yet written after a crash) the
 * event document itself. An event without a hash (stored before the chain existed) is chained from
 * {@link EventChain#GENESIS}, as the verifier expects.
 * <p>
 * A tip is remembered only from a stream document or after a commit succeeded, so it always names an event that is
 * stored; and an append with a stale tip conflicts on its sequence number like any other, so it is never stored.
 */
final class ChainLinks {

    private static final Logger logger = LoggerFactory.getLogger(ChainLinks.class);

    private final MongoCollection<Document> events;
    private final AggregateStreams streams;
    private final Map<String, AggregateStreams.ChainTip> tips;

    ChainLinks(MongoCollection<Document> events, AggregateStreams streams, int capacity) {
        this.events = events;
        this.streams = streams;
        this.tips = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AggregateStreams.ChainTip> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The hash the event {@code sequence} of {@code aggregateId} chains from. */
    String previousHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventChain.GENESIS;
        }
        long previous = sequence - 1;
        String remembered = remembered(aggregateId, previous);
        if (remembered != null) {
            return remembered;
        }
        Document stream = streams.chainLink(aggregateId, previous);
        AggregateStreams.ChainTip tip = AggregateStreams.chainTip(stream);
        if (tip != null && tip.sequence() == previous) {
            remember(aggregateId, tip);
            return tip.hash();
        }
        Document event = previousEvent(aggregateId, previous, stream);
        if (event == null) {
            logger.warn("Aggregate [{}] has no event {} to chain event {} from; chaining it from the genesis value",
                        aggregateId, previous, sequence);
            return EventChain.GENESIS;
        }
        String hash = event.getString(EventDocuments.HASH);
        return hash == null ? EventChain.GENESIS : hash;
    }

    private Document previousEvent(String aggregateId, long previous, Document stream) {
        Long position = AggregateStreams.positions(stream, previous, 1).stream().findFirst().orElse(null);
        if (position != null) {
            return events.find(Filters.eq(EventDocuments.ID, position)).first();
        }
        // not listed: written by a commit that was interrupted before listing it; a scan on the embedded server
        return events.find(Filters.and(Filters.eq(EventDocuments.AGGREGATE_ID, aggregateId),
                                       Filters.eq(EventDocuments.SEQUENCE, previous))).first();
    }

    /** Remembers the tip of a stream document just read (null: none). */
    void rememberFrom(String aggregateId, Document stream) {
        AggregateStreams.ChainTip tip = AggregateStreams.chainTip(stream);
        if (tip != null) {
            remember(aggregateId, tip);
        }
    }

    /** Remembers a tip; a tip older than the one remembered is ignored. */
    synchronized void remember(String aggregateId, AggregateStreams.ChainTip tip) {
        AggregateStreams.ChainTip known = tips.get(aggregateId);
        if (known == null || known.sequence() < tip.sequence()) {
            tips.put(aggregateId, tip);
        }
    }

    private synchronized String remembered(String aggregateId, long sequence) {
        AggregateStreams.ChainTip tip = tips.get(aggregateId);
        return tip != null && tip.sequence() == sequence ? tip.hash() : null;
    }
}
