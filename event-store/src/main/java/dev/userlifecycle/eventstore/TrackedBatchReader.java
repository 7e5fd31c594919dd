package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the next tracking batch after a {@link GapAwareTrackingToken} with one {@code _id $in} query: the token's
 * gaps plus the next {@code batchSize} positions, but none beyond the highest allocated one. That is remembered and
 * read again from the position counter only when a fetch reaches it, so a reader far behind never reads the counter
 * and a reader at the head asks for the few new positions rather than a whole range; it also tells the end of the
 * store from a run of failed commits to scan past.
 * <p>
 * A position that is allocated but not visible yet is either a commit in flight or one that failed. Positions
 * beyond the highest visible event are simply read again next time; positions below it become gaps of the token and
 * are waited for until the gap timeout has passed since the event right after them was stored (that event's
 * position was allocated after the gap's, so the gap has been allocated for at least that long), then given up.
 */
final class TrackedBatchReader {

    private static final Logger logger = LoggerFactory.getLogger(TrackedBatchReader.class);
    /** How many further ranges one fetch may scan when a whole range holds no visible event. */
    private static final int MAX_EMPTY_RANGES = 16;

    private final MongoCollection<Document> events;
    private final PositionCounter counter;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final Clock clock;
    /** The highest position known to be allocated: read from the counter only when a fetch reaches it. */
    private final AtomicLong knownHead = new AtomicLong();

    TrackedBatchReader(MongoCollection<Document> events, PositionCounter counter, Duration gapTimeout,
                       int maxGapOffset, Clock clock) {
        this.events = events;
        this.counter = counter;
        this.gapTimeout = gapTimeout;
        this.maxGapOffset = maxGapOffset;
        this.clock = clock;
    }

    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken start = startingPoint(lastToken);
        long index = start.getIndex();

        // a reader near the head asks only for allocated positions: a full range of ids that cannot exist yet costs
        // the server as much as one that does, and a processor following a growing store fetches often
        long head = knownHead.get();
        if (index + batchSize > head) {
            head = knownHead.accumulateAndGet(counter.highestAllocated(), Math::max);
        }
        long rangeEnd = Math.min(index + batchSize, Math.max(head, index));
        List<Long> wanted = new ArrayList<>(start.getGaps());
        wanted.addAll(evidencePositions(start));
        for (long p = index + 1; p <= rangeEnd; p++) {
            wanted.add(p);
        }
        Map<Long, Document> found = findByPositions(wanted);
        // scan past ranges that hold nothing visible: positions whose commits failed, up to the counter
        int emptyRanges = 0;
        while (!containsAbove(found, index) && rangeEnd < head && emptyRanges++ < MAX_EMPTY_RANGES) {
            long from = rangeEnd + 1;
            rangeEnd = Math.min(rangeEnd + batchSize, head);
            List<Long> next = new ArrayList<>();
            for (long p = from; p <= rangeEnd; p++) {
                next.add(p);
            }
            found.putAll(findByPositions(next));
        }

        found.putAll(findByPositions(missingBelowHighest(start, found)));

        GapAwareTrackingToken token = withExpiredGapsRemoved(start, found);
        List<TrackedEventData<?>> batch = new ArrayList<>();
        for (Document document : sortedByPosition(found)) {
            long position = EventDocuments.positionOf(document);
            if (position <= token.getIndex() && !token.getGaps().contains(position)) {
                continue; // evidence only: already delivered
            }
            token = token.advanceTo(position, maxGapOffset);
            batch.add(new TrackedDomainEventData<>(token, EventDocuments.toEventData(document)));
        }
        return batch;
    }

    /**
     * The positions up to the highest one found that were not found. The server does not answer an {@code $in} as
     * of one moment: while it looks the ids up one by one, a commit may store an event it had already looked for
     * and then a later one it finds. A commit stores each aggregate's events in the order of their positions, so
     * asking once more after the first answer finds every event of the commit stored before one that was found:
     * an aggregate's events are never handed out of their order, which projections that keep the last sequence
     * number they applied rely on.
     */
    private static List<Long> missingBelowHighest(GapAwareTrackingToken start, Map<Long, Document> found) {
        long highest = found.keySet().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        List<Long> missing = new ArrayList<>();
        for (Long gap : start.getGaps()) {
            if (gap < highest && !found.containsKey(gap)) {
                missing.add(gap);
            }
        }
        for (long p = start.getIndex() + 1; p < highest; p++) {
            if (!found.containsKey(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    private static GapAwareTrackingToken startingPoint(TrackingToken lastToken) {
        if (lastToken == null) {
            return GapAwareTrackingToken.newInstance(0, List.of());
        }
        if (lastToken instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Unsupported token type: " + lastToken.getClass().getName()
                                                   + "; this engine tracks with GapAwareTrackingToken");
    }

    /** The position right after each run of consecutive gaps: its stored time dates the gaps of the run. */
    private static List<Long> evidencePositions(GapAwareTrackingToken token) {
        List<Long> evidence = new ArrayList<>();
        SortedSet<Long> gaps = token.getGaps();
        for (Long gap : gaps) {
            long next = gap + 1;
            if (!gaps.contains(next) && next <= token.getIndex()) {
                evidence.add(next);
            }
        }
        return evidence;
    }

    private GapAwareTrackingToken withExpiredGapsRemoved(GapAwareTrackingToken token, Map<Long, Document> found) {
        if (!token.hasGaps()) {
            return token;
        }
        long deadline = clock.millis() - gapTimeout.toMillis();
        SortedSet<Long> kept = new TreeSet<>();
        Long evidenceStoredAt = null;
        // walk downwards so that each gap meets the evidence of its own run first
        for (Long gap : new TreeSet<>(token.getGaps()).descendingSet()) {
            Document after = found.get(gap + 1);
            if (after != null) {
                evidenceStoredAt = EventDocuments.storedAtMillis(after);
            } else if (!token.getGaps().contains(gap + 1)) {
                evidenceStoredAt = null;
            }
            boolean visible = found.containsKey(gap);
            if (visible || evidenceStoredAt == null || evidenceStoredAt > deadline) {
                kept.add(gap);
            } else {
                logger.debug("Giving up position {}: not visible {} after a later event was stored", gap, gapTimeout);
            }
        }
        if (kept.size() == token.getGaps().size()) {
            return token;
        }
        return GapAwareTrackingToken.newInstance(token.getIndex(), kept);
    }

    private Map<Long, Document> findByPositions(List<Long> positions) {
        Map<Long, Document> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        for (Document document : events.find(Filters.in(EventDocuments.ID, positions))) {
            found.put(EventDocuments.positionOf(document), document);
        }
        return found;
    }

    private static boolean containsAbove(Map<Long, Document> found, long index) {
        return found.keySet().stream().anyMatch(p -> p > index);
    }

    private static List<Document> sortedByPosition(Map<Long, Document> found) {
        List<Document> sorted = new ArrayList<>(found.values());
        sorted.sort((a, b) -> Long.compare(EventDocuments.positionOf(a), EventDocuments.positionOf(b)));
        return sorted;
    }
}
