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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The stream document of an aggregate: {@code {_id: aggregateId, type, last, positions: [...]}}, where
 * {@code positions[i]} is the global position of the event with sequence number {@code i}. Appending is a
 * conditional update on {@code last}, so of two commits of the same sequence number exactly one matches; loading an
 * aggregate reads the document by {@code _id} and then its events by {@code _id $in positions}.
 */
final class AggregateStreams {

    private static final Logger logger = LoggerFactory.getLogger(AggregateStreams.class);

    static final String TYPE = "type";
    static final String LAST = "last";
    static final String POSITIONS = "positions";
    static final String CLAIMED_AT = "claimedAt";

    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> events;
    private final Clock clock;
    private final Duration commitTimeout;

    AggregateStreams(MongoCollection<Document> streams, MongoCollection<Document> events, Clock clock,
                     Duration commitTimeout) {
        this.streams = streams;
        this.events = events;
        this.clock = clock;
        this.commitTimeout = commitTimeout;
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
        if (tryClaim(session, append)) {
            return;
        }
        if (session == null && repairedInterruptedCommit(append) && tryClaim(null, append)) {
            return;
        }
        if (append.createsStream()) {
            throw new AggregateStreamCreationException(
                    "Cannot create the stream of aggregate [" + append.aggregateId() + "]: it already exists");
        }
        throw new ConcurrencyException(
                "Cannot append sequence number " + append.firstSequence() + " to aggregate ["
                        + append.aggregateId() + "]: it was appended concurrently or does not follow the stream");
    }

    private boolean tryClaim(ClientSession session, Append append) {
        Date now = new Date(clock.millis());
        if (append.createsStream()) {
            Document stream = new Document(EventDocuments.ID, append.aggregateId())
                    .append(TYPE, append.type())
                    .append(LAST, append.lastSequence())
                    .append(POSITIONS, append.positions())
                    .append(CLAIMED_AT, now);
            try {
                if (session == null) {
                    streams.insertOne(stream);
                } else {
                    streams.insertOne(session, stream);
                }
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        Bson filter = Filters.and(Filters.eq(EventDocuments.ID, append.aggregateId()),
                                  Filters.eq(LAST, append.firstSequence() - 1));
        Bson update = Updates.combine(Updates.set(LAST, append.lastSequence()),
                                      Updates.set(CLAIMED_AT, now),
                                      Updates.pushEach(POSITIONS, append.positions()));
        long matched = session == null
                ? streams.updateOne(filter, update).getMatchedCount()
                : streams.updateOne(session, filter, update).getMatchedCount();
        return matched == 1;
    }

    /**
     * Without transactions, a process that dies between claiming sequence numbers and inserting the events leaves
     * a stream that claims events that do not exist; the aggregate loads without them and its next commit cannot
     * follow the stream. When the newest claim is older than the commit timeout and none of its events exists, the
     * claim is rolled back (conditionally, so that only that exact claim is undone). A live commit never takes that
     * long: {@link #assertStillValid} makes a commit give up before inserting once half the timeout has passed.
     */
    private boolean repairedInterruptedCommit(Append append) {
        Document stream = streams.find(Filters.eq(EventDocuments.ID, append.aggregateId())).first();
        if (stream == null || stream.getDate(CLAIMED_AT) == null) {
            return false;
        }
        long last = ((Number) stream.get(LAST)).longValue();
        long loaded = append.firstSequence() - 1;
        Date claimedAt = stream.getDate(CLAIMED_AT);
        if (last <= loaded || clock.millis() - claimedAt.getTime() < commitTimeout.toMillis()) {
            return false;
        }
        List<Long> all = stream.getList(POSITIONS, Number.class).stream().map(Number::longValue).toList();
        List<Long> unwritten = all.subList((int) (loaded + 1), all.size());
        if (events.countDocuments(Filters.in(EventDocuments.ID, unwritten)) > 0) {
            return false;
        }
        Bson exactClaim = Filters.and(Filters.eq(EventDocuments.ID, append.aggregateId()),
                                      Filters.eq(LAST, last), Filters.eq(CLAIMED_AT, claimedAt));
        long undone = loaded < 0
                ? streams.deleteOne(exactClaim).getDeletedCount()
                : streams.updateOne(exactClaim, Updates.combine(Updates.set(LAST, loaded),
                                                                Updates.pullAll(POSITIONS, unwritten)))
                         .getModifiedCount();
        if (undone == 1) {
            logger.warn("Rolled back the claim of sequence numbers {}..{} of aggregate [{}]: its events were never "
                                + "written (a commit interrupted by a crash at {})",
                        loaded + 1, last, append.aggregateId(), claimedAt.toInstant());
        }
        return undone == 1;
    }

    /** Fails a commit that took so long since its claim that its claim may already count as interrupted. */
    void assertStillValid(long claimedAtMillis) {
        if (clock.millis() - claimedAtMillis > commitTimeout.toMillis() / 2) {
            throw new ConcurrencyException("The commit took longer than half the commit timeout of " + commitTimeout
                                                   + " between claiming its sequence numbers and writing its events");
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
