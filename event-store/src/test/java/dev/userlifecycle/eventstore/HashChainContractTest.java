package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userlifecycle.eventstore.ChainVerification.Reason;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.userlifecycle.eventstore.TestEvents.deposit;
import static dev.userlifecycle.eventstore.TestEvents.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashChainContractTest {

    private TestMongo mongo;
    private MongoEventStorageEngine engine;
    private StoredEvents stored;
    private MongoCollection<Document> events;
    private MongoCollection<Document> streams;

    @BeforeEach
    void startServer() {
        mongo = TestMongo.start();
        engine = EngineFactory.engine(mongo);
        stored = StoredEvents.of(engine);
        events = mongo.database().getCollection("events");
        streams = mongo.database().getCollection("event_streams");
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    @Test
    void eachEventChainsFromThePreviousEventOfItsOwnAggregate() {
        engine.appendEvents(deposits("a-1", 0, 3));
        engine.appendEvents(deposit("a-2", 0));
        engine.appendEvents(deposits("a-1", 3, 2));

        List<Document> stream = eventsOf("a-1");
        assertThat(stream.get(0).getString("previousHash")).isEqualTo(EventChain.GENESIS);
        for (int i = 1; i < stream.size(); i++) {
            assertThat(stream.get(i).getString("previousHash")).isEqualTo(stream.get(i - 1).getString("hash"));
        }
        assertThat(stream).allSatisfy(event -> assertThat(event.getString("hash"))
                .isEqualTo(EventChain.hashOf(event, event.getString("previousHash"))).hasSize(64));
        assertThat(eventsOf("a-2").get(0).getString("previousHash")).isEqualTo(EventChain.GENESIS);
        Document tip = streams.find(Filters.eq("_id", "a-1")).first().get("chain", Document.class);
        assertThat(tip.get("sequence")).isEqualTo(4L);
        assertThat(tip.getString("hash")).isEqualTo(stream.get(4).getString("hash"));
    }

    @Test
    void anUntouchedStreamVerifies() {
        engine.appendEvents(deposits("a-1", 0, 3));
        engine.appendEvents(deposits("a-1", 3, 600));

        ChainVerification verification = stored.verifyChain("a-1").orElseThrow();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBrokenLink()).isNull();
        assertThat(verification.events()).isEqualTo(603);
        assertThat(verification.chained()).isEqualTo(603);
        assertThat(verification.unchained()).isZero();
        assertThat(verification.aggregateType()).isEqualTo(TestEvents.AGGREGATE_TYPE);
        assertThat(stored.verifyChain("unknown")).isEmpty();
    }

    @Test
    void aChangedPayloadBreaksTheChainAtThatEvent() {
        engine.appendEvents(deposits("a-1", 0, 5));
        Document third = eventsOf("a-1").get(2);
        String altered = third.getString("payload").replace("\"amount\":3", "\"amount\":300");
        events.updateOne(Filters.eq("_id", third.get("_id")), Updates.set("payload", altered));

        ChainVerification verification = stored.verifyChain("a-1").orElseThrow();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenLink().sequence()).isEqualTo(2);
        assertThat(verification.firstBrokenLink().position()).isEqualTo(third.get("_id"));
        assertThat(verification.firstBrokenLink().reason()).isEqualTo(Reason.CONTENT_ALTERED);
        assertThat(verification.chained()).as("the events around it still verify").isEqualTo(4);
    }

    @Test
    void aChangedMetaDataOrStorageTimeBreaksTheChainToo() {
        engine.appendEvents(deposits("a-1", 0, 3));
        engine.appendEvents(deposits("a-2", 0, 3));
        events.updateOne(Filters.eq("_id", eventsOf("a-1").get(1).get("_id")),
                         Updates.set("metaData", "{\"principal\":\"mallory\"}"));
        events.updateOne(Filters.eq("_id", eventsOf("a-2").get(0).get("_id")),
                         Updates.set("storedAt", new java.util.Date(0)));

        assertThat(stored.verifyChain("a-1").orElseThrow().firstBrokenLink().sequence()).isEqualTo(1);
        assertThat(stored.verifyChain("a-2").orElseThrow().firstBrokenLink().sequence()).isEqualTo(0);
    }

    @Test
    void anEventWhoseHashWasRecomputedAfterAChangeBreaksTheLinkToTheNext() {
        engine.appendEvents(deposits("a-1", 0, 4));
        Document second = eventsOf("a-1").get(1);
        second.put("payload", second.getString("payload").replace("\"amount\":2", "\"amount\":200"));
        second.put("hash", EventChain.hashOf(second, second.getString("previousHash")));
        events.replaceOne(Filters.eq("_id", second.get("_id")), second);

        ChainVerification.BrokenLink broken = stored.verifyChain("a-1").orElseThrow().firstBrokenLink();

        assertThat(broken.sequence()).isEqualTo(2);
        assertThat(broken.reason()).isEqualTo(Reason.LINK_BROKEN);
    }

    @Test
    void aDeletedEventIsReportedMissingAndItsRemovalFromTheStreamAsAGap() {
        engine.appendEvents(deposits("a-1", 0, 4));
        engine.appendEvents(deposits("a-2", 0, 4));
        Document a1Second = eventsOf("a-1").get(1);
        Document a2Second = eventsOf("a-2").get(1);
        events.deleteOne(Filters.eq("_id", a1Second.get("_id")));
        events.deleteOne(Filters.eq("_id", a2Second.get("_id")));
        streams.updateOne(Filters.eq("_id", "a-2"), Updates.unset("positions.1"));

        ChainVerification.BrokenLink missing = stored.verifyChain("a-1").orElseThrow().firstBrokenLink();
        ChainVerification.BrokenLink gap = stored.verifyChain("a-2").orElseThrow().firstBrokenLink();

        assertThat(missing.sequence()).isEqualTo(1);
        assertThat(missing.position()).isEqualTo(a1Second.get("_id"));
        assertThat(missing.reason()).isEqualTo(Reason.MISSING);
        assertThat(gap.sequence()).isEqualTo(1);
        assertThat(gap.reason()).isEqualTo(Reason.GAP);
    }

    @Test
    void aDeletedEventWhoseSuccessorsWereRenumberedBreaksTheLink() {
        engine.appendEvents(deposits("a-1", 0, 4));
        List<Document> stream = eventsOf("a-1");
        events.deleteOne(Filters.eq("_id", stream.get(1).get("_id")));
        for (int i = 2; i < 4; i++) {
            events.updateOne(Filters.eq("_id", stream.get(i).get("_id")), Updates.set("sequenceNumber", i - 1L));
        }
        streams.updateOne(Filters.eq("_id", "a-1"), Updates.combine(
                Updates.set("positions.1", stream.get(2).get("_id")),
                Updates.set("positions.2", stream.get(3).get("_id")),
                Updates.unset("positions.3"), Updates.set("last", 2L),
                Updates.set("chain", new Document("sequence", 2L).append("hash", stream.get(3).getString("hash")))));

        ChainVerification.BrokenLink broken = stored.verifyChain("a-1").orElseThrow().firstBrokenLink();

        assertThat(broken.sequence()).isEqualTo(1);
        assertThat(broken.reason()).isEqualTo(Reason.LINK_BROKEN);
    }

    @Test
    void twoSwappedEventsAreReportedAtTheFirstOfThem() {
        engine.appendEvents(deposits("a-1", 0, 5));
        engine.appendEvents(deposits("a-2", 0, 5));
        List<Document> a1 = eventsOf("a-1");
        swapPayloads(a1.get(1), a1.get(3));
        List<Document> a2 = eventsOf("a-2");
        streams.updateOne(Filters.eq("_id", "a-2"), Updates.combine(
                Updates.set("positions.1", a2.get(3).get("_id")), Updates.set("positions.3", a2.get(1).get("_id"))));

        ChainVerification.BrokenLink swappedPayloads = stored.verifyChain("a-1").orElseThrow().firstBrokenLink();
        ChainVerification.BrokenLink swappedPositions = stored.verifyChain("a-2").orElseThrow().firstBrokenLink();

        assertThat(swappedPayloads.sequence()).isEqualTo(1);
        assertThat(swappedPayloads.reason()).isEqualTo(Reason.CONTENT_ALTERED);
        assertThat(swappedPositions.sequence()).isEqualTo(1);
        assertThat(swappedPositions.reason()).isEqualTo(Reason.MISPLACED);
    }

    @Test
    void eventsRemovedFromTheEndAreReportedByTheChainTip() {
        engine.appendEvents(deposits("a-1", 0, 5));
        events.deleteOne(Filters.eq("_id", eventsOf("a-1").get(4).get("_id")));
        streams.updateOne(Filters.eq("_id", "a-1"), Updates.combine(Updates.unset("positions.4"),
                                                                     Updates.set("last", 3L)));

        ChainVerification verification = stored.verifyChain("a-1").orElseThrow();

        assertThat(verification.events()).isEqualTo(4);
        assertThat(verification.firstBrokenLink().reason()).isEqualTo(Reason.TIP_MISMATCH);
        assertThat(verification.firstBrokenLink().sequence()).isEqualTo(4);
    }

    @Test
    void eventsStoredBeforeTheChainAreUnchainedAndLaterEventsChainFromTheGenesisValue() {
        engine.appendEvents(deposits("a-1", 0, 3));
        events.updateMany(Filters.eq("aggregateIdentifier", "a-1"), Updates.combine(Updates.unset("hash"),
                                                                                     Updates.unset("previousHash")));
        streams.updateOne(Filters.eq("_id", "a-1"), Updates.unset("chain"));
        MongoEventStorageEngine upgraded = EngineFactory.engine(mongo);

        upgraded.appendEvents(deposits("a-1", 3, 2));

        ChainVerification verification = stored.verifyChain("a-1").orElseThrow();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.unchained()).isEqualTo(3);
        assertThat(verification.chained()).isEqualTo(2);
        assertThat(eventsOf("a-1").get(3).getString("previousHash")).isEqualTo(EventChain.GENESIS);
    }

    @Test
    void removingTheHashOfAnEventInsideTheChainBreaksTheLinkAfterIt() {
        engine.appendEvents(deposits("a-1", 0, 4));
        events.updateOne(Filters.eq("_id", eventsOf("a-1").get(1).get("_id")),
                         Updates.combine(Updates.unset("hash"), Updates.unset("previousHash")));

        ChainVerification.BrokenLink broken = stored.verifyChain("a-1").orElseThrow().firstBrokenLink();

        assertThat(broken.sequence()).isEqualTo(2);
        assertThat(broken.reason()).isEqualTo(Reason.LINK_BROKEN);
        assertThat(broken.detail()).contains("hash was removed");
    }

    @Test
    void aCommitInterruptedBeforeListingItsEventsLeavesAChainThatVerifiesBeforeAndAfterItsRepair() {
        engine.appendEvents(deposits("a-1", 0, 3));
        Document before = streams.find(Filters.eq("_id", "a-1")).first();
        engine.appendEvents(deposits("a-1", 3, 2));
        streams.replaceOne(Filters.eq("_id", "a-1"), before); // as if the process died before listing 3 and 4

        assertThat(stored.verifyChain("a-1").orElseThrow().valid()).isTrue();
        MongoEventStorageEngine another = EngineFactory.engine(mongo);
        another.readEvents("a-1").asStream().count();
        assertThatThrownBy(() -> another.appendEvents(deposit("a-1", 3))).isInstanceOf(ConcurrencyException.class);
        another.readEvents("a-1").asStream().count();
        another.appendEvents(deposit("a-1", 5));

        ChainVerification repaired = stored.verifyChain("a-1").orElseThrow();
        assertThat(repaired.valid()).isTrue();
        assertThat(repaired.chained()).isEqualTo(6);
    }

    @Test
    void anAppendToAnAggregateNeitherLoadedNorAppendedToRecentlyReadsItsTip() {
        MongoEventStorageEngine forgetful = EngineFactory.builder(mongo).chainTipCacheSize(1).build();
        forgetful.appendEvents(deposits("a-1", 0, 2));
        forgetful.appendEvents(deposit("a-2", 0));
        forgetful.appendEvents(deposit("a-1", 2));
        forgetful.appendEvents(deposit("a-2", 1));

        assertThat(stored.verifyChain("a-1").orElseThrow().chained()).isEqualTo(3);
        assertThat(stored.verifyChain("a-2").orElseThrow().chained()).isEqualTo(2);
        assertThat(stored.verifyChain("a-1").orElseThrow().valid()).isTrue();
    }

    @Test
    void anAppendAfterLoadingTheAggregateSendsNoReadForItsChain() {
        List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.mongodb.event.CommandListener listener = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };
        try (com.mongodb.client.MongoClient listened = com.mongodb.client.MongoClients.create(
                com.mongodb.MongoClientSettings.builder(TestMongo.settings(mongo.connectionString()))
                                               .addCommandListener(listener).build())) {
            MongoEventStorageEngine forgetful = MongoEventStorageEngine.builder().client(listened)
                    .database(listened.getDatabase(mongo.databaseName())).chainTipCacheSize(1).build();
            forgetful.appendEvents(deposits("a-1", 0, 3));
            forgetful.appendEvents(deposit("a-2", 0));
            forgetful.readEvents("a-1").asStream().count();
            commands.clear();

            forgetful.appendEvents(deposit("a-1", 3));

            assertThat(commands).as("counter, events, stream").containsExactly("findAndModify", "insert", "update");
        }
        assertThat(stored.verifyChain("a-1").orElseThrow().chained()).isEqualTo(4);
    }

    @Test
    void anEventOfNoAggregateIsHashedOnItsOwn() {
        engine.appendEvents(GenericEventMessage.asEventMessage("not part of an aggregate"));

        Document event = events.find().first();

        assertThat(event.getString("previousHash")).isEqualTo(EventChain.GENESIS);
        assertThat(event.getString("hash")).isEqualTo(EventChain.hashOf(event, EventChain.GENESIS));
    }

    /** Four engines stand for four processes, each loading the aggregate and appending its next event. */
    @Test
    void commandsOfSeveralProcessesRacingOnOneAggregateLeaveOneValidChain() throws Exception {
        List<MongoEventStorageEngine> processes = List.of(engine, EngineFactory.engine(mongo),
                                                          EngineFactory.engine(mongo), EngineFactory.engine(mongo));
        int perThread = 40;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(processes.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (MongoEventStorageEngine process : processes) {
                done.add(pool.submit(() -> {
                    for (int appended = 0; appended < perThread; ) {
                        long next = process.readEvents("contested").asStream().count();
                        try {
                            process.appendEvents(deposit("contested", next));
                            appended++;
                        } catch (ConcurrencyException | AggregateStreamCreationException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        ChainVerification verification = stored.verifyChain("contested").orElseThrow();
        assertThat(verification.events()).isEqualTo(processes.size() * perThread);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.chained()).isEqualTo(verification.events());
        assertThat(conflicts.get()).as("the processes did race").isPositive();
    }

    private List<Document> eventsOf(String aggregateId) {
        List<Document> stream = new ArrayList<>();
        events.find(Filters.eq("aggregateIdentifier", aggregateId)).into(stream);
        stream.sort(java.util.Comparator.comparingLong(event -> ((Number) event.get("sequenceNumber")).longValue()));
        return stream;
    }

    private void swapPayloads(Document first, Document second) {
        events.updateOne(Filters.eq("_id", first.get("_id")), Updates.set("payload", second.getString("payload")));
        events.updateOne(Filters.eq("_id", second.get("_id")), Updates.set("payload", first.getString("payload")));
    }
}
