package dev.userlifecycle.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.Optional;

/**
 * The stream document of an aggregate: {@code {_id: aggregateId, type, last, positions: [...]}}, where
 * {@code positions[i]} is the global position of the event with sequence number {@code i}. Appending is a
 * conditional update on {@code last}, so of two commits of the same sequence number exactly one matches; loading an
 * aggregate reads the document by {@code _id} and then its events by {@code _id $in positions}.
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

    /**
     * Claims the sequence numbers of the append, or throws Axon's concurrency exception when another commit claimed
     * them first. {@code session} is null outside a transaction.
     */
    void claim(ClientSession session, Append append) {
        if (append.createsStream()) {
            Document stream = new Document(EventDocuments.ID, append.aggregateId())
                    .append(TYPE, append.type())
                    .append(LAST, append.lastSequence())
                    .append(POSITIONS, append.positions());
            try {
                if (session == null) {
                    streams.insertOne(stream);
                } else {
                    streams.insertOne(session, stream);
                }
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw new AggregateStreamCreationException(
                            "Cannot create the stream of aggregate [" + append.aggregateId() + "]: it already exists", e);
                }
                throw e;
            }
            return;
        }
        Bson filter = Filters.and(Filters.eq(EventDocuments.ID, append.aggregateId()),
                                  Filters.eq(LAST, append.firstSequence() - 1));
        Bson update = Updates.combine(Updates.set(LAST, append.lastSequence()),
                                      Updates.pushEach(POSITIONS, append.positions()));
        long matched = session == null
                ? streams.updateOne(filter, update).getMatchedCount()
                : streams.updateOne(session, filter, update).getMatchedCount();
        if (matched == 0) {
            throw new ConcurrencyException(
                    "Cannot append sequence number " + append.firstSequence() + " to aggregate ["
                            + append.aggregateId() + "]: it was appended concurrently or does not follow the stream");
        }
    }

    /**
     * Undoes a claim of this commit when a later step of the same commit failed (only needed without transactions).
     * Conditional on the claim still being the newest, so it never removes another commit's work.
     */
    void release(Append append) {
        if (append.createsStream()) {
            streams.deleteOne(Filters.and(Filters.eq(EventDocuments.ID, append.aggregateId()),
                                          Filters.eq(LAST, append.lastSequence())));
        } else {
            streams.updateOne(Filters.and(Filters.eq(EventDocuments.ID, append.aggregateId()),
                                          Filters.eq(LAST, append.lastSequence())),
                              Updates.combine(Updates.set(LAST, append.firstSequence() - 1),
                                              Updates.pullAll(POSITIONS, append.positions())));
        }
    }

    /** The positions of the events with sequence numbers from {@code firstSequence}, at most {@code count}. */
    List<Long> positions(String aggregateId, long firstSequence, int count) {
        if (firstSequence > Integer.MAX_VALUE) {
            return List.of();
        }
        Document stream = streams.find(Filters.eq(EventDocuments.ID, aggregateId))
                                 .projection(Projections.slice(POSITIONS, (int) firstSequence, count))
                                 .first();
        if (stream == null) {
            return List.of();
        }
        return stream.getList(POSITIONS, Number.class).stream().map(Number::longValue).toList();
    }

    Optional<Long> lastSequence(String aggregateId) {
        Document stream = streams.find(Filters.eq(EventDocuments.ID, aggregateId))
                                 .projection(Projections.include(LAST))
                                 .first();
        return Optional.ofNullable(stream).map(s -> ((Number) s.get(LAST)).longValue());
    }
}
