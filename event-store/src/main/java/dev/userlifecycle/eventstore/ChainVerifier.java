package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.eventstore.ChainVerification.BrokenLink;
import dev.userlifecycle.eventstore.ChainVerification.Reason;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks an aggregate's stream in sequence order, reading its events by {@code _id $in} in batches, and checks each
 * one against its chain (see {@link EventChain}). An event without a hash is unchained (stored before the chain
 * existed, or by an older version of the engine during an upgrade): the next hashed event chains from the genesis
 * value again, which is what the append path does, so removing an event's hash still breaks the link after it.
 */
final class ChainVerifier {

    private static final int BATCH = 500;

    private final MongoCollection<Document> events;
    private final AggregateStreams streams;

    ChainVerifier(MongoCollection<Document> events, AggregateStreams streams) {
        this.events = events;
        this.streams = streams;
    }

    Optional<ChainVerification> verify(String aggregateId) {
        Document stream = streams.readWithoutSnapshot(aggregateId);
        if (stream == null) {
            return Optional.empty();
        }
        Map<Long, Long> listed = AggregateStreams.listedPositions(stream);
        long end = Math.max(AggregateStreams.lastSequence(stream),
                            listed.keySet().stream().mapToLong(Long::longValue).max().orElse(-1));
        Walk walk = new Walk(aggregateId);
        for (long from = 0; from <= end; from += BATCH) {
            long to = Math.min(end, from + BATCH - 1);
            Map<Long, Document> byPosition = read(listed, from, to);
            for (long sequence = from; sequence <= to; sequence++) {
                Long position = listed.get(sequence);
                walk.step(sequence, position, position == null ? null : byPosition.get(position));
            }
        }
        walk.checkTip(AggregateStreams.chainTip(stream), end);
        return Optional.of(new ChainVerification(aggregateId, stream.getString(AggregateStreams.TYPE), end + 1,
                                                 walk.chained, walk.unchained, walk.firstBroken));
    }

    private Map<Long, Document> read(Map<Long, Long> listed, long from, long to) {
        List<Long> positions = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            Long position = listed.get(sequence);
            if (position != null) {
                positions.add(position);
            }
        }
        Map<Long, Document> byPosition = new HashMap<>();
        if (!positions.isEmpty()) {
            for (Document document : events.find(Filters.in(EventDocuments.ID, positions))) {
                byPosition.put(EventDocuments.positionOf(document), document);
            }
        }
        return byPosition;
    }

    private static final class Walk {

        private final String aggregateId;
        /** The hash the next event must chain from; null when unknown (after a missing event). */
        private String expectedPrevious = EventChain.GENESIS;
        private Long unchainedBefore;
        private final Map<Long, String> hashes = new HashMap<>();
        private long chained;
        private long unchained;
        private BrokenLink firstBroken;

        Walk(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void step(long sequence, Long position, Document event) {
            if (position == null) {
                broken(sequence, null, Reason.GAP, "the stream lists no event for sequence " + sequence);
                expectedPrevious = null;
                return;
            }
            if (event == null) {
                broken(sequence, position, Reason.MISSING, "no event is stored at position " + position);
                expectedPrevious = null;
                return;
            }
            if (!aggregateId.equals(event.get(EventDocuments.AGGREGATE_ID))
                    || !(event.get(EventDocuments.SEQUENCE) instanceof Number stored)
                    || stored.longValue() != sequence) {
                broken(sequence, position, Reason.MISPLACED, "position " + position + " holds event "
                        + event.get(EventDocuments.SEQUENCE) + " of aggregate "
                        + event.get(EventDocuments.AGGREGATE_ID));
                expectedPrevious = null;
                return;
            }
            checkHashed(sequence, position, event);
        }

        private void checkHashed(long sequence, long position, Document event) {
            Object hash = event.get(EventDocuments.HASH);
            Object previous = event.get(EventDocuments.PREVIOUS_HASH);
            if (hash == null && previous == null) {
                unchained++;
                unchainedBefore = sequence;
                expectedPrevious = EventChain.GENESIS;
                return;
            }
            if (!(hash instanceof String storedHash) || !(previous instanceof String storedPrevious)) {
                broken(sequence, position, Reason.CONTENT_ALTERED, "the event's hash fields are incomplete");
                expectedPrevious = hash instanceof String text ? text : null;
                return;
            }
            hashes.put(sequence, storedHash);
            if (expectedPrevious != null && !expectedPrevious.equals(storedPrevious)) {
                broken(sequence, position, Reason.LINK_BROKEN, linkDetail(sequence));
            } else if (!EventChain.hashOf(event, storedPrevious).equals(storedHash)) {
                broken(sequence, position, Reason.CONTENT_ALTERED, "the stored event does not match its hash");
            } else {
                chained++;
            }
            expectedPrevious = storedHash;
        }

        private String linkDetail(long sequence) {
            if (unchainedBefore != null && unchainedBefore == sequence - 1) {
                return "the event before it (sequence " + (sequence - 1) + ") has no hash, but this event chains "
                        + "from one: its hash was removed";
            }
            if (sequence == 0) {
                return "the first event does not chain from the genesis value";
            }
            return "the event does not chain from the event before it (sequence " + (sequence - 1) + "): that "
                    + "event was replaced, removed or moved";
        }

        void checkTip(AggregateStreams.ChainTip tip, long end) {
            if (tip == null) {
                return;
            }
            if (tip.sequence() > end) {
                broken(end + 1, null, Reason.TIP_MISMATCH, "the chain's tip is sequence " + tip.sequence()
                        + ", but the stream ends at sequence " + end);
            } else if (hashes.containsKey(tip.sequence()) && !hashes.get(tip.sequence()).equals(tip.hash())) {
                broken(tip.sequence(), null, Reason.TIP_MISMATCH, "the chain's tip at sequence " + tip.sequence()
                        + " has another hash than the event stored there");
            }
        }

        private void broken(long sequence, Long position, Reason reason, String detail) {
            if (firstBroken == null) {
                firstBroken = new BrokenLink(sequence, position, reason, detail);
            }
        }
    }
}
