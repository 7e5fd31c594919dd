package dev.userlifecycle.eventstore;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.userlifecycle.eventstore.MongoEventStorageEngineContractTest.CentsToAmount;
import dev.userlifecycle.eventstore.TestEvents.AmountDeposited;
import dev.userlifecycle.eventstore.TestEvents.AmountDepositedV1;
import dev.userlifecycle.eventstore.testing.MutableClock;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.userlifecycle.eventstore.TestEvents.deposit;
import static dev.userlifecycle.eventstore.TestEvents.deposits;
import static org.assertj.core.api.Assertions.assertThat;

class StoredEventsContractTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private TestMongo mongo;
    private MongoClient listenedClient;
    private final List<List<String>> findFilters = new CopyOnWriteArrayList<>();
    private MutableClock clock;
    private MongoEventStorageEngine engine;
    private StoredEvents stored;

    @BeforeEach
    void startServer() {
        mongo = TestMongo.start();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    // the command's buffer is released after this call: keep what the test needs of it
                    findFilters.add(List.copyOf(event.getCommand().getDocument("filter", new BsonDocument()).keySet()));
                }
            }
        };
        listenedClient = MongoClients.create(MongoClientSettings.builder(TestMongo.settings(mongo.connectionString()))
                                                                .addCommandListener(listener).build());
        clock = new MutableClock(START);
        engine = MongoEventStorageEngine.builder().client(listenedClient)
                                        .database(listenedClient.getDatabase(mongo.databaseName()))
                                        .clock(clock).upcasterChain(new CentsToAmount()).build();
        stored = StoredEvents.of(engine);
    }

    @AfterEach
    void stopServer() {
        listenedClient.close();
        mongo.close();
    }

    @Test
    void aStreamIsReadInPagesWithWhatWasStoredOfEachEvent() {
        engine.appendEvents(deposits("a-1", 0, 3));
        clock.advance(Duration.ofMinutes(1));
        engine.appendEvents(deposit("a-2", 0).andMetaData(Map.of("principal", "alice")));
        engine.appendEvents(deposits("a-1", 3, 4));

        StoredStream first = stored.stream("a-1", 0, 5).orElseThrow();
        StoredStream second = stored.stream("a-1", 5, 5).orElseThrow();

        assertThat(first.aggregateType()).isEqualTo(TestEvents.AGGREGATE_TYPE);
        assertThat(first.lastSequence()).isEqualTo(6);
        assertThat(first.events()).extracting(StoredEvent::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(first.events()).extracting(StoredEvent::position).containsExactly(1L, 2L, 3L, 5L, 6L);
        assertThat(second.events()).extracting(StoredEvent::sequenceNumber).containsExactly(5L, 6L);
        StoredEvent event = first.events().get(3);
        assertThat(event.storedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(event.payloadType()).isEqualTo(AmountDeposited.class.getName());
        assertThat(event.payloadRevision()).isEqualTo("2");
        assertThat(event.payload()).contains("\"amount\":4");
        assertThat(event.previousHash()).isEqualTo(first.events().get(2).hash());
        StoredEvent other = stored.stream("a-2", 0, 10).orElseThrow().events().get(0);
        assertThat(other.metaData()).contains("\"principal\":\"alice\"");
        assertThat(stored.stream("unknown", 0, 10)).isEmpty();
        assertThat(stored.stream("a-1", 7, 10).orElseThrow().events()).isEmpty();
    }

    @Test
    void aStoredEventIsDeserializedWithTheEnginesUpcasters() {
        engine.appendEvents(new GenericDomainEventMessage<>(TestEvents.AGGREGATE_TYPE, "a-1", 0,
                                                            new AmountDepositedV1("a-1", 1250),
                                                            Map.of("principal", "bob")));

        StoredEvent event = stored.stream("a-1", 0, 1).orElseThrow().events().get(0);
        List<DomainEventMessage<?>> messages = stored.deserialize(event);

        assertThat(event.payloadRevision()).as("stored as it was").isEqualTo("1");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getPayload()).isEqualTo(new AmountDeposited("a-1", new BigDecimal("12.50"), null));
        assertThat(messages.get(0).getMetaData()).containsEntry("principal", "bob");
        assertThat(messages.get(0).getSequenceNumber()).isZero();
    }

    @Test
    void positionsAreReadInBatchesSkippingPositionsThatHoldNoEvent() {
        engine.appendEvents(deposits("a-1", 0, 2));
        mongo.database().getCollection("event_counters").updateOne(Filters.eq("_id", "events"),
                                                                   Updates.inc("value", 3L));
        engine.appendEvents(deposit("a-2", 0));

        assertThat(stored.headPosition()).isEqualTo(6);
        assertThat(stored.atPositions(1, 10)).extracting(StoredEvent::position).containsExactly(1L, 2L, 6L);
        assertThat(stored.atPositions(3, 3)).isEmpty();
    }

    @Test
    void theEventsStoredInARangeAreFoundByIdLookupsAlone() {
        for (int i = 0; i < 300; i++) {
            engine.appendEvents(deposit("a-" + i, 0));
            clock.advance(Duration.ofSeconds(10));
        }
        findFilters.clear();

        List<StoredEvent> range = stored.storedBetween(START.plusSeconds(1000), START.plusSeconds(1500),
                                                        Duration.ZERO).toList();

        assertThat(range).extracting(StoredEvent::aggregateIdentifier)
                         .containsExactly("a-100", "a-101", "a-102", "a-103", "a-104", "a-105", "a-106", "a-107",
                                          "a-108", "a-109", "a-110", "a-111", "a-112", "a-113", "a-114", "a-115",
                                          "a-116", "a-117", "a-118", "a-119", "a-120", "a-121", "a-122", "a-123",
                                          "a-124", "a-125", "a-126", "a-127", "a-128", "a-129", "a-130", "a-131",
                                          "a-132", "a-133", "a-134", "a-135", "a-136", "a-137", "a-138", "a-139",
                                          "a-140", "a-141", "a-142", "a-143", "a-144", "a-145", "a-146", "a-147",
                                          "a-148", "a-149");
        assertThat(findFilters).isNotEmpty()
                               .allSatisfy(filter -> assertThat(filter).containsExactly("_id"));
        assertThat(findFilters.size()).as("a binary search, then a batch").isLessThan(20);
        assertThat(stored.storedBetween(START.minusSeconds(100), START, Duration.ZERO)).isEmpty();
        assertThat(stored.storedBetween(START.plusSeconds(3000), START.plusSeconds(4000), Duration.ZERO)).isEmpty();
        assertThat(stored.storedBetween(START, START.plusSeconds(4000), Duration.ZERO)).hasSize(300);
    }

    @Test
    void anEventStoredOutOfOrderWithinTheClockSkewIsFound() {
        for (int i = 0; i < 50; i++) {
            engine.appendEvents(deposit("a-" + i, 0));
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(-3)); // a writer whose clock is 3 s behind takes the next position
        engine.appendEvents(deposit("late", 0));
        clock.advance(Duration.ofSeconds(3));
        for (int i = 50; i < 100; i++) {
            engine.appendEvents(deposit("a-" + i, 0));
            clock.advance(Duration.ofSeconds(1));
        }
        Instant lateStoredAt = START.plusSeconds(47);

        List<String> tolerant = stored.storedBetween(lateStoredAt, lateStoredAt.plusSeconds(1), Duration.ofSeconds(5))
                                      .map(StoredEvent::aggregateIdentifier).toList();

        List<String> strict = stored.storedBetween(lateStoredAt, lateStoredAt.plusSeconds(1), Duration.ZERO)
                                    .map(StoredEvent::aggregateIdentifier).toList();

        assertThat(tolerant).containsExactlyInAnyOrder("a-47", "late");
        assertThat(strict).as("without the allowance the read stops before reaching it").containsExactly("a-47");
    }

    @Test
    void theStoredEventsOfAWrappedEngineAreReachable() {
        DelegatingEventStorageEngine wrapped = new DelegatingEventStorageEngine(engine) {
        };
        engine.appendEvents(deposit("a-1", 0));

        assertThat(StoredEvents.of(wrapped).stream("a-1", 0, 1)).isPresent();
    }
}
