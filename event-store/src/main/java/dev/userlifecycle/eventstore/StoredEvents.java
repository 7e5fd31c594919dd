package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the events of a {@link MongoEventStorageEngine} as they are stored (position, storage time, serialized
 * payload and meta-data, hash), for audits and exports; deserializes them as the engine does (its event serializer
 * and upcasters); verifies an aggregate's hash chain. Every read is by {@code _id}: a stream document, or events by
 * {@code _id $in} lists of at most {@value #MAX_PAGE} positions.
 */
public final class StoredEvents {

    public static final int MAX_PAGE = 1000;
    private static final int EXPORT_BATCH = 500;

    private final MongoEventStorageEngine engine;
    private final MongoCollection<Document> events;
    private final AggregateStreams streams;
    private final PositionCounter counter;
    private final ChainVerifier verifier;
    private final StorageTimeSearch search;

    private StoredEvents(MongoEventStorageEngine engine) {
        this.engine = engine;
        this.events = engine.collections().events();
        this.streams = new AggregateStreams(engine.collections().streams());
        this.counter = new PositionCounter(engine.collections().counters());
        this.verifier = new ChainVerifier(events, streams);
        this.search = new StorageTimeSearch(events);
    }

    /**
     * The stored events of {@code engine}: a {@link MongoEventStorageEngine}, or a {@link DelegatingEventStorageEngine}
     * around one.
     */
    public static StoredEvents of(EventStorageEngine engine) {
        EventStorageEngine current = engine;
        while (current instanceof DelegatingEventStorageEngine delegating) {
            current = delegating.delegate();
        }
        if (current instanceof MongoEventStorageEngine mongo) {
            return new StoredEvents(mongo);
        }
        throw new IllegalArgumentException("Not a MongoEventStorageEngine: " + engine.getClass().getName());
    }

    /**
     * The stored events of an aggregate with sequence numbers from {@code fromSequence}, at most {@code limit}
     * (1 to {@value #MAX_PAGE}); empty when the store has no stream of that identifier.
     */
    public Optional<StoredStream> stream(String aggregateId, long fromSequence, int limit) {
        if (fromSequence < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("fromSequence must not be negative and limit must be 1 to "
                                                       + MAX_PAGE);
        }
        Document stream = streams.readWithoutSnapshot(aggregateId);
        if (stream == null) {
            return Optional.empty();
        }
        Map<Long, Long> listed = AggregateStreams.listedPositions(stream);
        List<Long> positions = new ArrayList<>();
        for (long sequence = fromSequence; sequence < fromSequence + limit; sequence++) {
            Long position = listed.get(sequence);
            if (position != null) {
                positions.add(position);
            }
        }
        List<StoredEvent> page = read(positions).stream()
                                                .filter(event -> aggregateId.equals(event.aggregateIdentifier()))
                                                .sorted(Comparator.comparingLong(StoredEvent::sequenceNumber))
                                                .toList();
        return Optional.of(new StoredStream(aggregateId, stream.getString(AggregateStreams.TYPE),
                                            AggregateStreams.lastSequence(stream), page));
    }

    /** The events stored at positions {@code from} to {@code from + count - 1} (at most {@value #MAX_PAGE}). */
    public List<StoredEvent> atPositions(long from, int count) {
        if (from < 1 || count < 1 || count > MAX_PAGE) {
            throw new IllegalArgumentException("from must be positive and count 1 to " + MAX_PAGE);
        }
        List<Long> positions = new ArrayList<>(count);
        for (long position = from; position < from + count; position++) {
            positions.add(position);
        }
        return read(positions);
    }

    /** The highest position handed out so far (its event may still be in flight, or its commit may have failed). */
    public long headPosition() {
        return counter.highestAllocated();
    }

    /**
     * The events stored at or after {@code from} and before {@code to}, in the order of their positions, read lazily
     * in batches of {@value #EXPORT_BATCH} positions.
     * <p>
     * Storage times come from the clocks of the appending processes and grow with positions only up to their
     * differences (threads of one process read the clock in another order than they took positions; processes'
     * clocks differ). {@code clockSkew} bounds that difference: the read starts at the position from which events
     * were stored at or after {@code from - clockSkew} (a binary search over positions) and stops at the first event
     * stored at or after {@code to + clockSkew}, and events outside {@code [from, to)} on the way are left out. An
     * event stored further out of order than {@code clockSkew} can be missed; so can one whose commit is still in
     * flight when the read passes its position, or that is stored after the read began (it reads up to the highest
     * position allocated then).
     */
    public Stream<StoredEvent> storedBetween(Instant from, Instant to, Duration clockSkew) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative");
        }
        long head = counter.highestAllocated();
        long start = search.firstStoredFrom(from.minus(clockSkew), head);
        Spliterator<StoredEvent> batches = new RangeReader(start, head, from, to, to.plus(clockSkew));
        return StreamSupport.stream(batches, false);
    }

    /**
     * The messages the engine reads for a stored event: its payload and meta-data deserialized with the engine's
     * event serializer after its upcasters. Usually one message; an upcaster may turn an event into none or several.
     * The payload is deserialized when it is first asked for.
     */
    public List<DomainEventMessage<?>> deserialize(StoredEvent event) {
        return engine.deserialize(event.eventData());
    }

    /** Verifies the hash chain of an aggregate's stream; empty when there is no such stream. */
    public Optional<ChainVerification> verifyChain(String aggregateId) {
        return verifier.verify(aggregateId);
    }

    private List<StoredEvent> read(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        List<StoredEvent> read = new ArrayList<>(positions.size());
        for (Document document : events.find(Filters.in(EventDocuments.ID, positions))) {
            read.add(StoredEvent.from(document));
        }
        read.sort(Comparator.comparingLong(StoredEvent::position));
        return read;
    }

    /** Reads positions forward in batches until past the head or an event stored at or after {@code stopAt}. */
    private final class RangeReader extends Spliterators.AbstractSpliterator<StoredEvent> {

        private final long head;
        private final Instant from;
        private final Instant to;
        private final Instant stopAt;
        private final Deque<StoredEvent> buffered = new ArrayDeque<>();
        private long next;
        private boolean done;

        RangeReader(long start, long head, Instant from, Instant to, Instant stopAt) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.next = start;
            this.head = head;
            this.from = from;
            this.to = to;
            this.stopAt = stopAt;
        }

        @Override
        public boolean tryAdvance(Consumer<? super StoredEvent> action) {
            while (buffered.isEmpty() && !done) {
                readBatch();
            }
            StoredEvent event = buffered.poll();
            if (event == null) {
                return false;
            }
            action.accept(event);
            return true;
        }

        private void readBatch() {
            if (next > head) {
                done = true;
                return;
            }
            int count = (int) Math.min(EXPORT_BATCH, head - next + 1);
            for (StoredEvent event : atPositions(next, count)) {
                if (!event.storedAt().isBefore(stopAt)) {
                    done = true;
                    return;
                }
                if (!event.storedAt().isBefore(from) && event.storedAt().isBefore(to)) {
                    buffered.add(event);
                }
            }
            next += count;
        }
    }
}
