package dev.userlifecycle.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Hands out global positions from one counter document. Positions start at 1 and are never reused; a position whose
 * commit fails stays a permanent gap, which the tracking reader gives up on after the gap timeout.
 */
final class PositionCounter {

    private static final String COUNTER_ID = "events";
    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;

    PositionCounter(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    /** Creates the counter document unless it exists, so that allocations never race on an upsert. */
    void ensureExists() {
        try {
            counters.insertOne(new Document(EventDocuments.ID, COUNTER_ID).append(VALUE, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Reserves {@code count} consecutive positions and returns the highest of them. The document is asked for as it
     * was before the increment: the embedded server returns the live document for "after", which a concurrent
     * increment can change before it is sent, while "before" is a copy taken inside its lock.
     */
    long allocate(int count) {
        Document before = counters.findOneAndUpdate(Filters.eq(EventDocuments.ID, COUNTER_ID),
                                                    Updates.inc(VALUE, (long) count),
                                                    new FindOneAndUpdateOptions().upsert(true)
                                                                                 .returnDocument(ReturnDocument.BEFORE));
        long previous = before == null || before.get(VALUE) == null ? 0L : ((Number) before.get(VALUE)).longValue();
        return previous + count;
    }

    /** The highest position handed out so far, visible or not; 0 when nothing was ever allocated. */
    long highestAllocated() {
        Document counter = counters.find(Filters.eq(EventDocuments.ID, COUNTER_ID)).first();
        return counter == null ? 0L : ((Number) counter.get(VALUE)).longValue();
    }
}
