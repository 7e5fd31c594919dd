package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where in the global order events start to have been stored at or after a moment, by a binary search over
 * positions with {@code _id $in} lookups, so the cost grows with the logarithm of the store's size and no query
 * scans the collection. It relies on storage times growing with positions; they do up to the clock differences of
 * concurrent writers, which callers allow for by searching for an earlier moment (see
 * {@link StoredEvents#storedBetween}).
 */
final class StorageTimeSearch {

    private static final int PROBE_WIDTH = 64;

    private final MongoCollection<Document> events;

    StorageTimeSearch(MongoCollection<Document> events) {
        this.events = events;
    }

    /**
     * The position from which, if storage times grew strictly with positions, every event stored up to
     * {@code head} was stored at or after {@code moment}; {@code head + 1} when none was.
     */
    long firstStoredFrom(Instant moment, long head) {
        // invariant: the events at or below `low` were stored before the moment, those at or above `high` after it
        long low = 0;
        long high = head + 1;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            Document first = firstStoredIn(middle, high - 1);
            if (first == null) {
                high = middle;
            } else if (first.getDate(EventDocuments.STORED_AT).toInstant().isBefore(moment)) {
                low = EventDocuments.positionOf(first);
            } else {
                high = middle;
            }
        }
        return high;
    }

    /** The event with the lowest position in {@code [from, to]}, or null: positions may be gaps. */
    private Document firstStoredIn(long from, long to) {
        for (long start = from; start <= to; start += PROBE_WIDTH) {
            List<Long> probe = new ArrayList<>(PROBE_WIDTH);
            for (long position = start; position <= Math.min(to, start + PROBE_WIDTH - 1); position++) {
                probe.add(position);
            }
            Document first = null;
            for (Document event : events.find(Filters.in(EventDocuments.ID, probe))
                                        .projection(Projections.include(EventDocuments.STORED_AT))) {
                if (first == null || EventDocuments.positionOf(event) < EventDocuments.positionOf(first)) {
                    first = event;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return null;
    }
}
