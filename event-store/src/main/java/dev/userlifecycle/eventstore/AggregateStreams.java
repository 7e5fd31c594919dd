package dev.userlifecycle.eventstore;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stream document of an aggregate, {@code {_id: aggregateId, type, last, positions: {"0": p0, "1": p1, ...}}}:
 * for each sequence number the global position of its event. It is how an aggregate is loaded with {@code _id}
 * lookups only (the stream by {@code _id}, then its events by {@code _id $in}).
 * <p>
 * It is derived from the events, not a guard: the unique (aggregate, sequence) index of the events decides which of
 * two commits wins. Every write to it is keyed by {@code _id} alone and is idempotent and order-independent
 * ({@code $set} of one key per event, {@code $max} of {@code last}), so a write that is repeated, late, or made by a
 * repair after a crash always converges on the same document.
 */
final class AggregateStreams {

    static final String TYPE = "type";
    static final String LAST = "last";
    static final String POSITIONS = "positions";

    private final MongoCollection<Document> streams;

    AggregateStreams(MongoCollection<Document> streams) {
        this.streams = streams;
    }

    /** What one commit appends to one aggregate's stream. */
    record Append(String aggregateId, String type, long firstSequence, long lastSequence, List<Long> positions) {

        boolean createsStream() {
            return firstSequence == 0;
        }
    }

    /** Lists the positions of an append in the stream; {@code session} is null outside a transaction. */
    void record(ClientSession session, Append append) {
        List<Bson> updates = new ArrayList<>(append.positions().size() + 2);
        for (int i = 0; i < append.positions().size(); i++) {
            updates.add(Updates.set(key(append.firstSequence() + i), append.positions().get(i)));
        }
        updates.add(Updates.max(LAST, append.lastSequence()));
        if (append.type() != null) {
            updates.add(Updates.setOnInsert(TYPE, append.type()));
        }
        Bson filter = Filters.eq(EventDocuments.ID, append.aggregateId());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        if (session == null) {
            streams.updateOne(filter, Updates.combine(updates), upsert);
        } else {
            streams.updateOne(session, filter, Updates.combine(updates), upsert);
        }
    }

    /**
     * The positions of the events with sequence numbers from {@code firstSequence}, at most {@code count}, up to the
     * first one the stream does not list yet.
     */
    List<Long> positions(String aggregateId, long firstSequence, int count) {
        List<String> keys = new ArrayList<>(count);
        for (long sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            keys.add(key(sequence));
        }
        Document stream = streams.find(Filters.eq(EventDocuments.ID, aggregateId))
                                 .projection(Projections.include(keys))
                                 .first();
        if (stream == null || stream.get(POSITIONS) == null) {
            return List.of();
        }
        Document listed = stream.get(POSITIONS, Document.class);
        List<Long> positions = new ArrayList<>(listed.size());
        for (long sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            Object position = listed.get(Long.toString(sequence));
            if (position == null) {
                break;
            }
            positions.add(((Number) position).longValue());
        }
        return positions;
    }

    boolean lists(String aggregateId, long sequence) {
        return !positions(aggregateId, sequence, 1).isEmpty();
    }

    Optional<Long> lastSequence(String aggregateId) {
        Document stream = streams.find(Filters.eq(EventDocuments.ID, aggregateId))
                                 .projection(Projections.include(LAST))
                                 .first();
        return Optional.ofNullable(stream).map(s -> ((Number) s.get(LAST)).longValue());
    }

    private static String key(long sequence) {
        return POSITIONS + "." + sequence;
    }
}
