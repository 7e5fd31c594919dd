package dev.userlifecycle.eventstore;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stream document of an aggregate,
 * {@code {_id: aggregateId, type, last, positions: {"0": p0, ...}, chain: {sequence, hash}, snapshot: {...}}}:
 * for each sequence number the global position of its event, the tip of the aggregate's hash chain (the last
 * sequence number with its hash, see {@link EventChain}) and the latest snapshot. It is how an aggregate is loaded
 * with two requests, both by {@code _id}: the stream, then its events by {@code _id $in}.
 * <p>
 * It is derived from the events, not a guard: the unique (aggregate, sequence) index of the events decides which of
 * two commits wins. Every write to it is keyed by {@code _id} alone and is idempotent and order-independent
 * ({@code $set} of one key per event, {@code $max} of {@code last} and of {@code chain}: MongoDB compares two
 * documents field by field, so the tip with the higher sequence number wins), so a write that is repeated, late, or
 * made by a repair after a crash always converges on the same document.
 */
final class AggregateStreams {

    static final String TYPE = "type";
    static final String LAST = "last";
    static final String POSITIONS = "positions";
    static final String SNAPSHOT = "snapshot";
    static final String CHAIN = "chain";
    static final String CHAIN_SEQUENCE = "sequence";
    static final String CHAIN_HASH = "hash";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoCollection<Document> streams;

    AggregateStreams(MongoCollection<Document> streams) {
        this.streams = streams;
    }

    /** What one commit appends to one aggregate's stream; {@code lastHash} is null for events without a hash. */
    record Append(String aggregateId, String type, long firstSequence, long lastSequence, List<Long> positions,
                  String lastHash) {

        boolean createsStream() {
            return firstSequence == 0;
        }
    }

    /**
     * Lists the positions of a commit's appends in their streams, in one request however many aggregates the commit
     * spans (a tracking batch of a policy sends a command to each of up to a hundred users); ordered, so that a
     * failure leaves the streams after it untouched, as one request per stream did. {@code session} is null outside a
     * transaction.
     */
    void record(ClientSession session, List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(appends.size());
        for (Append append : appends) {
            writes.add(new UpdateOneModel<>(filterOf(append), updateOf(append), UPSERT));
        }
        if (session == null) {
            streams.bulkWrite(writes, ORDERED);
        } else {
            streams.bulkWrite(session, writes, ORDERED);
        }
    }

    private static Bson filterOf(Append append) {
        return Filters.eq(EventDocuments.ID, append.aggregateId());
    }

    private static Bson updateOf(Append append) {
        List<Bson> updates = new ArrayList<>(append.positions().size() + 2);
        for (int i = 0; i < append.positions().size(); i++) {
            updates.add(Updates.set(key(append.firstSequence() + i), append.positions().get(i)));
        }
        updates.add(Updates.max(LAST, append.lastSequence()));
        if (append.lastHash() != null) {
            updates.add(Updates.max(CHAIN, new Document(CHAIN_SEQUENCE, append.lastSequence())
                    .append(CHAIN_HASH, append.lastHash())));
        }
        if (append.type() != null) {
            updates.add(Updates.setOnInsert(TYPE, append.type()));
        }
        return Updates.combine(updates);
    }

    /**
     * The positions of the events with sequence numbers from {@code firstSequence}, at most {@code count}, up to the
     * first one the stream does not list yet.
     */
    List<Long> positions(String aggregateId, long firstSequence, int count) {
        return positions(positionsFrom(aggregateId), firstSequence, count);
    }

    /**
     * The part of the stream document that lists the positions, with the chain tip; null when there is no stream.
     * All positions, not one key per sequence number wanted: the embedded server checks a projection's keys against
     * each other, so a projection of a read batch's 500 keys cost it more than the rest of a command, and under load,
     * when a load's stream document was too old to reuse, that fed on itself.
     */
    Document positionsFrom(String aggregateId) {
        return streams.find(Filters.eq(EventDocuments.ID, aggregateId))
                      .projection(Projections.include(POSITIONS, CHAIN))
                      .first();
    }

    /** The last sequence number of a stream's hash chain, and its hash. */
    record ChainTip(long sequence, String hash) {
    }

    /** The chain tip of a stream document, or null. */
    static ChainTip chainTip(Document stream) {
        Document chain = stream == null ? null : stream.get(CHAIN, Document.class);
        if (chain == null || !(chain.get(CHAIN_SEQUENCE) instanceof Number sequence)
                || !(chain.get(CHAIN_HASH) instanceof String hash)) {
            return null;
        }
        return new ChainTip(sequence.longValue(), hash);
    }

    /** The chain tip and the position of {@code sequence} of a stream, or null when there is no stream. */
    Document chainLink(String aggregateId, long sequence) {
        return streams.find(Filters.eq(EventDocuments.ID, aggregateId))
                      .projection(Projections.include(CHAIN, key(sequence)))
                      .first();
    }

    /** The stream document without its snapshot, or null. */
    Document readWithoutSnapshot(String aggregateId) {
        return streams.find(Filters.eq(EventDocuments.ID, aggregateId))
                      .projection(Projections.exclude(SNAPSHOT))
                      .first();
    }

    /** Every sequence number a stream document lists, with its position. */
    static Map<Long, Long> listedPositions(Document stream) {
        Map<Long, Long> listed = new HashMap<>();
        Object positions = stream == null ? null : stream.get(POSITIONS);
        if (positions instanceof Document keys) {
            keys.forEach((sequence, position) -> {
                if (position instanceof Number number) {
                    try {
                        listed.put(Long.parseLong(sequence), number.longValue());
                    } catch (NumberFormatException e) {
                        // not a sequence number: ignored, as loading the aggregate ignores it
                    }
                }
            });
        }
        return listed;
    }

    /** The {@code last} sequence number of a stream document; -1 when it has none. */
    static long lastSequence(Document stream) {
        return stream != null && stream.get(LAST) instanceof Number last ? last.longValue() : -1;
    }

    /** The whole stream document (positions and snapshot), or null. */
    Document read(String aggregateId) {
        return streams.find(Filters.eq(EventDocuments.ID, aggregateId)).first();
    }

    /** Positions from {@code firstSequence} as listed in a stream document read before. */
    static List<Long> positions(Document stream, long firstSequence, int count) {
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

    /**
     * Keeps the newer of the stored and the given snapshot. Read and write are by {@code _id}; two snapshotters
     * racing on one aggregate may leave the older of their two, which is still a valid snapshot.
     */
    void storeSnapshot(String aggregateId, long sequence, Document snapshot) {
        Bson byAggregate = Filters.eq(EventDocuments.ID, aggregateId);
        Document current = streams.find(byAggregate)
                                  .projection(Projections.include(SNAPSHOT + "." + EventDocuments.SEQUENCE))
                                  .first();
        Document stored = current == null ? null : current.get(SNAPSHOT, Document.class);
        if (stored != null && EventDocuments.sequenceOf(stored) >= sequence) {
            return;
        }
        streams.updateOne(byAggregate, Updates.set(SNAPSHOT, snapshot), new UpdateOptions().upsert(true));
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
