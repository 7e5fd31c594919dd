package dev.userlifecycle.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertPositive;

/**
 * An Axon {@code EventStorageEngine} on the MongoDB sync driver, designed after Axon's JDBC engine and for a server
 * that may index nothing but {@code _id}.
 *
 * <h2>Storage</h2>
 * See {@link EventStoreCollections}. Every hot path is an {@code _id} lookup or an {@code _id $in} list:
 * <ul>
 *     <li>append: one counter {@code findOneAndUpdate}, one {@code insertMany} of the events, one update of each
 *     aggregate's stream document by {@code _id} (a single request for all of them, in order, when the commit spans
 *     several aggregates);</li>
 *     <li>load an aggregate: the stream document (positions and snapshot) by {@code _id}, the events after the
 *     snapshot by {@code _id $in};</li>
 *     <li>read a tracking batch: the counter by {@code _id}, then the token's gaps and the next positions by
 *     {@code _id $in} (see {@link TrackedBatchReader}).</li>
 * </ul>
 * So the cost of a command and of a tracking batch does not depend on how many events are stored.
 *
 * <h2>Commits and crashes</h2>
 * The events are the truth: a unique (aggregate, sequence) index on them lets exactly one of two commits of the same
 * sequence number in, and the loser stores nothing and gets Axon's {@link ConcurrencyException}
 * ({@link AggregateStreamCreationException} for sequence 0). The stream document is then updated to list the new
 * events, by {@code _id} and idempotently (see {@link AggregateStreams}).
 * <p>
 * With a server that supports transactions (a replica set; detected at start with {@link TransactionMode#AUTO})
 * the insert and the stream update commit atomically in one transaction; the position counter is incremented
 * outside it, so that concurrent commits do not conflict on it. Without transactions (a standalone server, the
 * embedded server) what a crash can leave behind is:
 * <ul>
 *     <li>after the counter increment, before the insert: unused positions, which tracking gives up after the gap
 *     timeout;</li>
 *     <li>after the insert, before the stream update: events the stream does not list yet. They are stored and
 *     tracked; the aggregate loads without them until its next command conflicts on their sequence number, which
 *     lists them ({@link StreamHealer}) and is retried;</li>
 *     <li>in the middle of inserting a commit of several events: the first of them. A command writes its events in
 *     one commit, so this is a partial command (a replica set avoids it).</li>
 * </ul>
 * A commit that spans aggregates (rare: a registration that also records a referral on the referrer) inserts the
 * events of existing aggregates first; if a later one conflicts, the ones written before it are deleted again, but a
 * tracking processor may have seen them in between. With transactions this cannot happen.
 *
 * <h2>Hash chain</h2>
 * Every event is stored with the hash of the event before it in its aggregate's stream and a hash of its own over
 * both ({@link EventChain}); the stream document keeps the chain's tip. The tip an append chains from comes with the
 * stream document read to load the aggregate, or is remembered from the process's previous append, so a command
 * reads nothing more for it. Each event's hash depends only on the events before it, so whatever a crash leaves
 * behind (see above) is a chain that verifies; {@link StoredEvents#verifyChain} checks one.
 *
 * <h2>Snapshots</h2>
 * The latest snapshot of an aggregate is a field of its stream document; storing a newer snapshot replaces (prunes)
 * the older one, and an older snapshot does not replace a newer one.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger logger = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    private final MongoClient client;
    private final EventStoreCollections collections;
    private final PositionCounter counter;
    private final AggregateStreams streams;
    private final StreamHealer streamHealer;
    private final ChainLinks chainLinks;
    private final ThreadLocal<RecentStream> recentStream = new ThreadLocal<>();
    private final TrackedBatchReader trackedBatchReader;
    private final Clock clock;
    private final boolean transactional;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.client = builder.client;
        this.collections = builder.collections;
        this.clock = builder.clock;
        this.counter = new PositionCounter(collections.counters());
        this.streams = new AggregateStreams(collections.streams());
        this.streamHealer = new StreamHealer(collections.events(), streams);
        this.chainLinks = new ChainLinks(collections.events(), streams, builder.chainTipCacheSize);
        this.trackedBatchReader = new TrackedBatchReader(collections.events(), counter, builder.gapTimeout,
                                                         builder.maxGapOffset, clock);
        this.transactional = builder.transactionMode.resolve(client, builder.database);
        if (builder.createIndexes) {
            collections.createIndexes();
        }
        counter.ensureExists();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether commits run in MongoDB transactions (decided once, at construction). */
    public boolean isTransactional() {
        return transactional;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        try {
            Commit commit = prepare(events, serializer);
            if (transactional) {
                commitInTransaction(commit);
            } else {
                commitInOrder(commit);
            }
            commit.appends().forEach(append -> chainLinks.remember(
                    append.aggregateId(), new AggregateStreams.ChainTip(append.lastSequence(), append.lastHash())));
        } catch (ConcurrencyException | AggregateStreamCreationException | EventStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            handlePersistenceException(e, events.get(0));
        }
    }

    /**
     * The event documents of a commit, those of aggregates that exist already first: a conflict is most likely on
     * them, and when it happens on the first document nothing of the commit is written (see the class comment).
     */
    private record Commit(List<Document> documents, List<AggregateStreams.Append> appends) {
    }

    /**
     * Hashes each event into its aggregate's chain (see {@link EventChain}) as it builds the documents. The hashes
     * chained from are looked up before positions are allocated, so that a lookup that has to read does not widen
     * the window in which an allocated position is not yet visible to tracking.
     */
    private Commit prepare(List<? extends EventMessage<?>> events, Serializer serializer) {
        Map<String, String> chainedFrom = new HashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                chainedFrom.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> chainLinks.previousHash(
                        id, domainEvent.getSequenceNumber()));
            }
        }
        long highest = counter.allocate(events.size());
        long position = highest - events.size() + 1;
        Date storedAt = new Date(clock.millis());
        Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        Map<String, List<Long>> positionsByAggregate = new HashMap<>();
        List<Document> others = new ArrayList<>();
        Map<String, List<Document>> documentsByAggregate = new HashMap<>();
        for (EventMessage<?> event : events) {
            Document document = EventDocuments.eventDocument(position, event, serializer, storedAt);
            if (event instanceof DomainEventMessage<?> domainEvent) {
                String aggregateId = domainEvent.getAggregateIdentifier();
                EventChain.seal(document, chainedFrom.get(aggregateId));
                chainedFrom.put(aggregateId, document.getString(EventDocuments.HASH));
                byAggregate.computeIfAbsent(aggregateId, id -> new ArrayList<>()).add(domainEvent);
                positionsByAggregate.computeIfAbsent(aggregateId, id -> new ArrayList<>()).add(position);
                documentsByAggregate.computeIfAbsent(aggregateId, id -> new ArrayList<>()).add(document);
            } else {
                EventChain.seal(document, EventChain.GENESIS);
                others.add(document);
            }
            position++;
        }
        List<AggregateStreams.Append> appends = new ArrayList<>(byAggregate.size());
        byAggregate.forEach((aggregateId, aggregateEvents) -> appends.add(
                toAppend(aggregateId, aggregateEvents, positionsByAggregate.get(aggregateId),
                         chainedFrom.get(aggregateId))));
        List<Document> documents = new ArrayList<>(events.size());
        appends.stream().filter(append -> !append.createsStream())
               .forEach(append -> documents.addAll(documentsByAggregate.get(append.aggregateId())));
        appends.stream().filter(AggregateStreams.Append::createsStream)
               .forEach(append -> documents.addAll(documentsByAggregate.get(append.aggregateId())));
        documents.addAll(others);
        return new Commit(documents, appends);
    }

    private static AggregateStreams.Append toAppend(String aggregateId, List<DomainEventMessage<?>> events,
                                                    List<Long> positions, String lastHash) {
        long first = events.get(0).getSequenceNumber();
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).getSequenceNumber() != first + i) {
                throw new EventStoreException("Events of aggregate [" + aggregateId + "] in one commit must have "
                                                      + "consecutive sequence numbers; found "
                                                      + events.get(i).getSequenceNumber() + " after "
                                                      + (first + i - 1));
            }
        }
        return new AggregateStreams.Append(aggregateId, events.get(0).getType(), first,
                                           first + events.size() - 1, positions, lastHash);
    }

    private void commitInTransaction(Commit commit) {
        try (ClientSession session = client.startSession()) {
            session.withTransaction(() -> {
                insert(session, commit);
                streams.record(session, commit.appends());
                return null;
            });
        }
    }

    private void commitInOrder(Commit commit) {
        insert(null, commit);
        streams.record(null, commit.appends());
    }

    /**
     * Inserts the events; the unique (aggregate, sequence) index lets exactly one of two commits of the same
     * sequence number in. The loser gets Axon's concurrency exception; without a transaction, any of its events that
     * went in before the conflicting one (only possible in a commit that spans aggregates) are removed again.
     */
    private void insert(ClientSession session, Commit commit) {
        try {
            if (session == null) {
                collections.events().insertMany(commit.documents());
            } else {
                collections.events().insertMany(session, commit.documents());
            }
        } catch (MongoBulkWriteException e) {
            BulkWriteError error = e.getWriteErrors().get(0);
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            if (session == null && error.getIndex() > 0) {
                List<Long> written = commit.documents().subList(0, error.getIndex()).stream()
                                           .map(EventDocuments::positionOf).toList();
                collections.events().deleteMany(Filters.in(EventDocuments.ID, written));
            }
            Document conflicting = commit.documents().get(error.getIndex());
            String aggregateId = conflicting.getString(EventDocuments.AGGREGATE_ID);
            long sequence = EventDocuments.sequenceOf(conflicting);
            if (session == null) {
                streamHealer.healFrom(aggregateId, sequence);
            }
            if (sequence == 0) {
                throw new AggregateStreamCreationException(
                        "An aggregate with identifier [" + aggregateId + "] exists already", e);
            }
            throw new ConcurrencyException("Sequence number " + sequence + " of aggregate [" + aggregateId
                                                   + "] was taken by a concurrent commit", e);
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        streams.storeSnapshot(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(),
                              EventDocuments.snapshotDocument(snapshot, serializer));
    }

    /**
     * Reads the whole stream document: its snapshot answers this call, and its positions are kept for the read of
     * the events after the snapshot that Axon makes next, on the same thread, so that loading an aggregate takes
     * two requests instead of three.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document stream = streams.read(aggregateIdentifier);
        // kept when absent too: the read of events that follows then knows there are none without asking
        recentStream.set(new RecentStream(aggregateIdentifier, stream, System.nanoTime()));
        chainLinks.rememberFrom(aggregateIdentifier, stream);
        if (stream == null) {
            return Stream.empty();
        }
        Document snapshot = stream.get(AggregateStreams.SNAPSHOT, Document.class);
        return snapshot == null ? Stream.empty() : Stream.of(EventDocuments.toEventData(snapshot));
    }

    /**
     * A stream document just read by {@link #readSnapshotData} ({@code null}: there is none), for the one read of
     * events that follows it.
     */
    private record RecentStream(String aggregateId, Document stream, long readAtNanos) {

        private static final long FRESH_NANOS = 50_000_000L;

        boolean isFreshFor(String aggregateIdentifier) {
            return aggregateId.equals(aggregateIdentifier) && System.nanoTime() - readAtNanos < FRESH_NANOS;
        }
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                  long firstSequenceNumber, int batchSize) {
        RecentStream recent = recentStream.get();
        recentStream.remove();
        Document stream;
        if (recent != null && recent.isFreshFor(aggregateIdentifier)) {
            stream = recent.stream();
        } else {
            stream = streams.positionsFrom(aggregateIdentifier);
            // a load without a snapshot read (the engine used directly) brings the chain tip too
            chainLinks.rememberFrom(aggregateIdentifier, stream);
        }
        List<Long> positions = AggregateStreams.positions(stream, firstSequenceNumber, batchSize);
        if (positions.isEmpty()) {
            return List.of();
        }
        Map<Long, Document> byPosition = new HashMap<>();
        for (Document document : collections.events().find(Filters.in(EventDocuments.ID, positions))) {
            byPosition.put(EventDocuments.positionOf(document), document);
        }
        List<DomainEventData<?>> result = new ArrayList<>(positions.size());
        for (Long position : positions) {
            Document document = byPosition.get(position);
            if (document == null) {
                logger.warn("Aggregate [{}] lists position {} whose event does not exist; reading up to it",
                            aggregateIdentifier, position);
                break;
            }
            result.add(EventDocuments.toEventData(document));
        }
        return result;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return trackedBatchReader.fetch(lastToken, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return streams.lastSequence(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = highestVisiblePosition(counter.highestAllocated());
        return head == 0 ? null : GapAwareTrackingToken.newInstance(head, List.of());
    }

    /**
     * A token positioned just before the first event stored at or after {@code dateTime}: a binary search over
     * positions with {@code _id} lookups, relying on event timestamps growing with positions (as they do, up to the
     * clock differences of concurrent writers).
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = counter.highestAllocated();
        long firstAtOrAfter = -1;
        while (low <= high) {
            long middle = low + (high - low) / 2;
            Document event = firstVisibleFrom(middle, high);
            if (event == null) {
                high = middle - 1;
                continue;
            }
            long position = EventDocuments.positionOf(event);
            Instant timestamp = DateTimeUtils.parseInstant(event.getString(EventDocuments.TIMESTAMP));
            if (timestamp.isBefore(dateTime)) {
                low = position + 1;
            } else {
                firstAtOrAfter = position;
                high = middle - 1;
            }
        }
        if (firstAtOrAfter < 0) {
            return createHeadToken();
        }
        return firstAtOrAfter <= 1 ? null : GapAwareTrackingToken.newInstance(firstAtOrAfter - 1, List.of());
    }

    private static final int PROBE_WIDTH = 64;

    private Document firstVisibleFrom(long from, long to) {
        for (long start = from; start <= to; start += PROBE_WIDTH) {
            List<Long> probe = new ArrayList<>();
            for (long p = start; p <= Math.min(to, start + PROBE_WIDTH - 1); p++) {
                probe.add(p);
            }
            Document first = null;
            for (Document document : collections.events().find(Filters.in(EventDocuments.ID, probe))) {
                if (first == null || EventDocuments.positionOf(document) < EventDocuments.positionOf(first)) {
                    first = document;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    private long highestVisiblePosition(long highestAllocated) {
        for (long end = highestAllocated; end > 0; end -= PROBE_WIDTH) {
            List<Long> probe = new ArrayList<>();
            for (long p = Math.max(1, end - PROBE_WIDTH + 1); p <= end; p++) {
                probe.add(p);
            }
            long highest = 0;
            for (Document document : collections.events().find(Filters.in(EventDocuments.ID, probe))) {
                highest = Math.max(highest, EventDocuments.positionOf(document));
            }
            if (highest > 0) {
                return highest;
            }
        }
        return 0;
    }

    EventStoreCollections collections() {
        return collections;
    }

    /** Upcasts and deserializes one stored event as reading it from the store does. */
    List<DomainEventMessage<?>> deserialize(DomainEventData<?> event) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(event), getEventSerializer(), upcasterChain)
                               .asStream()
                               .<DomainEventMessage<?>>map(message -> message)
                               .toList();
    }

    /** Builds the engine; a client and a database (or collections) are required. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoClient client;
        private MongoDatabase database;
        private EventStoreCollections collections;
        private TransactionMode transactionMode = TransactionMode.AUTO;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private Clock clock = Clock.systemUTC();
        private boolean createIndexes = true;
        private int chainTipCacheSize = 10_000;

        public Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeyResolver());
            Serializer jackson = EventStoreSerializers.jackson();
            eventSerializer(jackson);
            snapshotSerializer(jackson);
        }

        public Builder client(MongoClient client) {
            assertNonNull(client, "MongoClient may not be null");
            this.client = client;
            return this;
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        /** The collections to use; by default {@link EventStoreCollections#in(MongoDatabase)} of the database. */
        public Builder collections(EventStoreCollections collections) {
            assertNonNull(collections, "EventStoreCollections may not be null");
            this.collections = collections;
            return this;
        }

        public Builder transactionMode(TransactionMode transactionMode) {
            assertNonNull(transactionMode, "TransactionMode may not be null");
            this.transactionMode = transactionMode;
            return this;
        }

        /** How long a position that is allocated but not visible is waited for before tracking gives it up. */
        public Builder gapTimeout(Duration gapTimeout) {
            assertNonNull(gapTimeout, "gapTimeout may not be null");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far below the token's index a gap is kept at most (bounds the token's size). */
        public Builder maxGapOffset(int maxGapOffset) {
            assertPositive(maxGapOffset, "maxGapOffset must be positive");
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        public Builder clock(Clock clock) {
            assertNonNull(clock, "Clock may not be null");
            this.clock = clock;
            return this;
        }

        /**
         * How many aggregates' chain tips are kept in memory (see {@link ChainLinks}): an append to an aggregate
         * that is neither loaded nor appended to recently enough reads its tip by {@code _id} first.
         */
        public Builder chainTipCacheSize(int chainTipCacheSize) {
            assertPositive(chainTipCacheSize, "chainTipCacheSize must be positive");
            this.chainTipCacheSize = chainTipCacheSize;
            return this;
        }

        public Builder createIndexes(boolean createIndexes) {
            this.createIndexes = createIndexes;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(Predicate<List<? extends DomainEventData<?>>> predicate) {
            super.finalAggregateBatchPredicate(predicate);
            return this;
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(client, "The MongoClient is a hard requirement and should be provided");
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
            if (collections == null) {
                collections = EventStoreCollections.in(database);
            }
        }
    }
}
