package dev.userlifecycle.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userlifecycle.eventstore.TestEvents.AmountDeposited;
import dev.userlifecycle.eventstore.TestEvents.AmountDepositedV1;
import dev.userlifecycle.eventstore.testing.MutableClock;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static dev.userlifecycle.eventstore.TestEvents.deposit;
import static dev.userlifecycle.eventstore.TestEvents.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoEventStorageEngineContractTest {

    private TestMongo mongo;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void startServer() {
        mongo = TestMongo.start();
        engine = EngineFactory.engine(mongo);
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    @Test
    void appendedEventsAreReadBackInSequenceOrderWithTheirPayloadAndMetaData() {
        engine.appendEvents(deposits("a-1", 0, 3));
        engine.appendEvents(deposit("a-2", 0).andMetaData(java.util.Map.of("principal", "alice")));
        engine.appendEvents(deposits("a-1", 3, 2));

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("a-1").asStream().toList();

        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(stream).extracting(DomainEventMessage::getType).containsOnly(TestEvents.AGGREGATE_TYPE);
        assertThat(stream.get(4).getPayload()).isEqualTo(deposit("a-1", 4).getPayload());
        DomainEventMessage<?> other = engine.readEvents("a-2").asStream().findFirst().orElseThrow();
        assertThat(other.getMetaData()).containsEntry("principal", "alice");
        assertThat(engine.lastSequenceNumberFor("a-1")).contains(4L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @Test
    void readingFromASequenceNumberSkipsTheEarlierEvents() {
        engine.appendEvents(deposits("a-1", 0, 250));

        List<Long> sequences = engine.readEvents("a-1", 120).asStream()
                                     .map(DomainEventMessage::getSequenceNumber).toList();

        assertThat(sequences).hasSize(130).first().isEqualTo(120L);
        assertThat(sequences).isSorted();
    }

    @Test
    void trackingReadsDeliverEveryEventOnceInGlobalOrder() {
        engine.appendEvents(deposits("a-1", 0, 2));
        engine.appendEvents(GenericEventMessage.asEventMessage("not part of an aggregate"));
        engine.appendEvents(deposits("a-2", 0, 2));

        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();

        assertThat(all).extracting(m -> m.trackingToken().position().orElseThrow())
                       .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all.get(2).getPayload()).isEqualTo("not part of an aggregate");
        List<? extends TrackedEventMessage<?>> rest = engine.readEvents(all.get(1).trackingToken(), false).toList();
        assertThat(rest).hasSize(3);
    }

    @Test
    void recordsAreStoredAsJsonWithTheirRevision() {
        engine.appendEvents(deposit("a-1", 0));

        Document stored = mongo.database().getCollection("events").find(Filters.eq("_id", 1L)).first();

        assertThat(stored.getString("payloadType")).isEqualTo(AmountDeposited.class.getName());
        assertThat(stored.getString("payloadRevision")).isEqualTo("2");
        assertThat(stored.getString("payload")).contains("\"amount\":1").contains("\"occurredAt\":\"2026-03-01T09:30:00Z\"");
    }

    @Test
    void anOlderRevisionIsUpcastWhenRead() {
        MongoEventStorageEngine upcasting = EngineFactory.builder(mongo).upcasterChain(new CentsToAmount()).build();
        upcasting.appendEvents(new GenericDomainEventMessage<>(TestEvents.AGGREGATE_TYPE, "a-1", 0,
                                                               new AmountDepositedV1("a-1", 1250)));

        Object payload = upcasting.readEvents("a-1").asStream().findFirst().orElseThrow().getPayload();
        Object tracked = upcasting.readEvents(null, false).findFirst().orElseThrow().getPayload();

        AmountDeposited expected = new AmountDeposited("a-1", new BigDecimal("12.50"), null);
        assertThat(payload).isEqualTo(expected);
        assertThat(tracked).isEqualTo(expected);
    }

    @Test
    void aSecondCommitOfTheSameSequenceNumberFailsAndStoresNothing() {
        engine.appendEvents(deposits("a-1", 0, 2));

        assertThatThrownBy(() -> engine.appendEvents(deposit("a-1", 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(deposit("a-1", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(mongo.database().getCollection("events").countDocuments()).isEqualTo(2);
        assertThat(engine.readEvents("a-1").asStream().count()).isEqualTo(2);
    }

    @Test
    void aCommitSpanningSeveralAggregatesListsEachOfTheirStreams() {
        engine.appendEvents(deposits("a-1", 0, 2));

        List<EventMessage<?>> commit = new java.util.ArrayList<>(deposits("a-1", 2, 2));
        commit.addAll(deposits("a-2", 0, 1));
        commit.addAll(deposits("a-3", 0, 3));
        engine.appendEvents(commit);

        assertThat(engine.readEvents("a-1").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(engine.readEvents("a-2").asStream().count()).isEqualTo(1);
        assertThat(engine.readEvents("a-3").asStream().count()).isEqualTo(3);
        assertThat(engine.lastSequenceNumberFor("a-3")).contains(2L);
        engine.appendEvents(deposit("a-2", 1));
        assertThat(engine.lastSequenceNumberFor("a-2")).contains(1L);
    }

    @Test
    void aCommitSpanningTwoAggregatesIsUndoneWhenOneOfThemConflicts() {
        engine.appendEvents(deposit("a-2", 0));

        List<EventMessage<?>> commit = List.of(deposit("a-1", 0), deposit("a-2", 0));
        assertThatThrownBy(() -> engine.appendEvents(commit))
                .isInstanceOf(AggregateStreamCreationException.class)
                .hasMessageContaining("a-2");

        assertThat(engine.lastSequenceNumberFor("a-1")).isEmpty();
        engine.appendEvents(deposit("a-1", 0));
        assertThat(engine.readEvents("a-1").asStream().count()).isEqualTo(1);
    }

    @Test
    void eventsOfACommitInterruptedBeforeItsStreamUpdateAreListedByTheNextConflict() {
        engine.appendEvents(deposits("a-1", 0, 2));
        writeEventAt(allocatePositionWithoutWriting(), deposit("a-1", 2));

        assertThat(engine.readEvents("a-1").asStream().count()).as("the stream does not list it yet").isEqualTo(2);
        assertThat(engine.readEvents(null, false).count()).as("but it is stored and tracked").isEqualTo(3);
        assertThatThrownBy(() -> engine.appendEvents(deposit("a-1", 2))).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("a-1").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        engine.appendEvents(deposit("a-1", 3));
        assertThat(engine.lastSequenceNumberFor("a-1")).contains(3L);
    }

    @Test
    void aStreamUpdateThatArrivesLateOrTwiceChangesNothing() {
        engine.appendEvents(deposits("a-1", 0, 3));
        AggregateStreams streams = new AggregateStreams(mongo.database().getCollection("event_streams"));

        streams.record(null, List.of(new AggregateStreams.Append("a-1", "Account", 1, 1, List.of(2L), null)));
        streams.record(null, List.of(new AggregateStreams.Append("a-1", "Account", 0, 2, List.of(1L, 2L, 3L), null)));

        assertThat(engine.readEvents("a-1").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        assertThat(engine.lastSequenceNumberFor("a-1")).contains(2L);
    }

    @Test
    void theLatestSnapshotIsLoadedAndReplacesOlderOnes() {
        engine.appendEvents(deposits("a-1", 0, 10));
        engine.storeSnapshot(snapshot("a-1", 4));
        engine.storeSnapshot(snapshot("a-1", 8));
        engine.storeSnapshot(snapshot("a-1", 6));

        DomainEventMessage<?> latest = engine.readSnapshot("a-1").orElseThrow();

        assertThat(latest.getSequenceNumber()).isEqualTo(8L);
        assertThat(latest.getPayload()).isEqualTo(new AccountState("a-1", 8));
        Document stream = mongo.database().getCollection("event_streams").find(Filters.eq("_id", "a-1")).first();
        assertThat(stream.get("snapshot", Document.class).get("sequenceNumber")).as("one snapshot kept").isEqualTo(8L);
        assertThat(engine.readSnapshot("a-2")).isEmpty();
    }

    @Test
    void anAggregateLoadsFromItsSnapshotAndTheEventsAfterIt() {
        engine.appendEvents(deposits("a-1", 0, 10));
        engine.appendEvents(deposits("a-2", 0, 3));
        engine.storeSnapshot(snapshot("a-1", 7));
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store =
                org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<Long> loaded = store.readEvents("a-1").asStream().map(DomainEventMessage::getSequenceNumber).toList();
            engine.readSnapshot("a-1");
            long other = engine.readEvents("a-2", 0).asStream().count();

            assertThat(loaded).containsExactly(7L, 8L, 9L);
            assertThat(other).as("a stream read for one aggregate never answers for another").isEqualTo(3);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void aGapThatBecomesVisibleWithinTheTimeoutIsDeliveredLate() {
        engine.appendEvents(deposit("a-1", 0));
        long inFlight = allocatePositionWithoutWriting();
        engine.appendEvents(deposit("a-2", 0));

        List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, false).toList();
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(first.size() - 1).trackingToken();
        assertThat(first).hasSize(2);
        assertThat(token.getGaps()).containsExactly(inFlight);

        writeEventAt(inFlight, "late-1");
        List<? extends TrackedEventMessage<?>> late = engine.readEvents(token, false).toList();

        assertThat(late).hasSize(1);
        assertThat(((DomainEventMessage<?>) late.get(0)).getAggregateIdentifier()).isEqualTo("late-1");
        assertThat(((GapAwareTrackingToken) late.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aGapIsGivenUpOnceTheTimeoutHasPassed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        MongoEventStorageEngine timed = EngineFactory.engine(mongo, clock);
        timed.appendEvents(deposit("a-1", 0));
        long lost = allocatePositionWithoutWriting();
        timed.appendEvents(deposit("a-2", 0));
        TrackingToken token = lastToken(timed.readEvents(null, false).toList());

        clock.advance(Duration.ofSeconds(4));
        timed.appendEvents(deposit("a-3", 0));
        TrackingToken stillWaiting = lastToken(timed.readEvents(token, false).toList());
        assertThat(((GapAwareTrackingToken) stillWaiting).getGaps()).containsExactly(lost);

        clock.advance(Duration.ofSeconds(2));
        timed.appendEvents(deposit("a-4", 0));
        TrackingToken givenUp = lastToken(timed.readEvents(stillWaiting, false).toList());
        assertThat(((GapAwareTrackingToken) givenUp).getGaps()).isEmpty();
        assertThat(givenUp.position()).hasValue(5L);
    }

    @Test
    void trackingGetsPastARunOfFailedCommitsLongerThanABatch() {
        MongoEventStorageEngine small = EngineFactory.builder(mongo).batchSize(10).build();
        small.appendEvents(deposit("a-1", 0));
        mongo.database().getCollection("event_counters")
             .updateOne(Filters.eq("_id", "events"), Updates.inc("value", 35L));
        small.appendEvents(deposit("a-2", 0));

        List<? extends TrackedEventMessage<?>> all = small.readEvents(null, false).toList();

        assertThat(all).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier())
                       .containsExactly("a-1", "a-2");
        assertThat(lastToken(all).position()).hasValue(37L);
    }

    @Test
    void headAndTimeTokensPointAtTheStoredEvents() {
        assertThat(engine.createHeadToken()).isNull();
        assertThat(engine.createTailToken()).isNull();
        engine.appendEvents(new GenericDomainEventMessage<>("Account", "a-1", 0, "early", java.util.Map.of(),
                                                            "e1", Instant.parse("2026-01-01T00:00:00Z")));
        engine.appendEvents(new GenericDomainEventMessage<>("Account", "a-1", 1, "middle", java.util.Map.of(),
                                                            "e2", Instant.parse("2026-02-01T00:00:00Z")));
        engine.appendEvents(new GenericDomainEventMessage<>("Account", "a-1", 2, "late", java.util.Map.of(),
                                                            "e3", Instant.parse("2026-03-01T00:00:00Z")));

        assertThat(engine.createHeadToken().position()).hasValue(3L);
        TrackingToken february = engine.createTokenAt(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(engine.readEvents(february, false).map(m -> (Object) m.getPayload()).collect(Collectors.toList()))
                .containsExactly((Object) "middle", "late");
        assertThat(engine.createTokenAt(Instant.parse("2025-01-01T00:00:00Z"))).isNull();
        assertThat(engine.createTokenAt(Instant.parse("2027-01-01T00:00:00Z")).position()).hasValue(3L);
    }

    private long allocatePositionWithoutWriting() {
        Document counter = mongo.database().getCollection("event_counters")
                                .findOneAndUpdate(Filters.eq("_id", "events"), Updates.inc("value", 1L),
                                                  new com.mongodb.client.model.FindOneAndUpdateOptions()
                                                          .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }

    private void writeEventAt(long position, String aggregateId) {
        writeEventAt(position, deposit(aggregateId, 0));
    }

    private void writeEventAt(long position, DomainEventMessage<?> event) {
        Document document = EventDocuments.eventDocument(position, event, engine.getEventSerializer(),
                                                         new java.util.Date());
        mongo.database().getCollection("events").insertOne(document);
    }

    private static TrackingToken lastToken(List<? extends TrackedEventMessage<?>> events) {
        return events.get(events.size() - 1).trackingToken();
    }

    private static DomainEventMessage<AccountState> snapshot(String accountId, long sequence) {
        return new GenericDomainEventMessage<>("Account", accountId, sequence, new AccountState(accountId, sequence));
    }

    record AccountState(String accountId, long version) {
    }

    /** Revision 1 stored cents as a whole number; revision 2 stores a decimal amount. */
    static class CentsToAmount extends SingleEventUpcaster {

        private static final SimpleSerializedType V1 = new SimpleSerializedType(AmountDepositedV1.class.getName(), "1");
        private static final SimpleSerializedType V2 = new SimpleSerializedType(AmountDeposited.class.getName(), "2");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(V1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(V2, JsonNode.class, node -> {
                ObjectNode object = (ObjectNode) node;
                long cents = object.remove("cents").asLong();
                object.put("amount", BigDecimal.valueOf(cents, 2));
                return object;
            });
        }
    }
}
