package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.userlifecycle.eventstore.TestEvents.deposit;
import static org.assertj.core.api.Assertions.assertThat;

class TrackingProcessorContractTest {

    private static final int AGGREGATES = 1_000;
    private static final int WRITERS = 4;
    private static final int EVENTS_PER_AGGREGATE = 5;

    private TestMongo mongo;
    private EmbeddedEventStore eventStore;
    private TokenStore tokenStore;
    private final RecordingHandler handler = new RecordingHandler();
    private TrackingEventProcessor processor;

    @BeforeEach
    void start() {
        mongo = TestMongo.start();
        eventStore = EmbeddedEventStore.builder().storageEngine(EngineFactory.engine(mongo)).build();
        tokenStore = MongoTokenStore.builder()
                                    .mongoTemplate(DefaultMongoTemplate.builder()
                                                                       .mongoDatabase(mongo.database())
                                                                       .build())
                                    .serializer(EventStoreSerializers.jackson())
                                    .build();
        processor = TrackingEventProcessor.builder()
                                          .name("contract")
                                          .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                        .eventHandlers(handler)
                                                                                        .build())
                                          .messageSource(eventStore)
                                          .tokenStore(tokenStore)
                                          .transactionManager(NoTransactionManager.INSTANCE)
                                          .trackingEventProcessorConfiguration(
                                                  TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                                                     .andBatchSize(100))
                                          .build();
    }

    @AfterEach
    void stop() {
        processor.shutDown();
        eventStore.shutDown();
        mongo.close();
    }

    @Test
    void aProcessorSeesEveryEventOnceInAggregateOrderWhileFourThreadsAppend() throws Exception {
        processor.start();

        int appended = appendConcurrently();

        awaitHandled(appended);
        handler.assertEveryEventOnceInAggregateOrder(appended, 1);
    }

    @Test
    void aReplayRedeliversEveryEventOnceAndTheStoredTokenStaysSmall() throws Exception {
        processor.start();
        int appended = appendConcurrently();
        awaitHandled(appended);

        TokenSizeProbe probe = new TokenSizeProbe(mongo.database().getCollection("trackingtokens"));
        probe.start();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitHandled(2 * appended);
        probe.stop();

        handler.assertEveryEventOnceInAggregateOrder(appended, 2);
        assertThat(probe.samples()).as("token samples taken during the replay").isGreaterThan(0);
        assertThat(probe.largestBytes()).as("largest stored token, bytes").isLessThan(10 * 1024);
    }

    private int appendConcurrently() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int first = writer;
                done.add(writers.submit(() -> {
                    int count = 0;
                    for (int round = 0; round < EVENTS_PER_AGGREGATE; round++) {
                        for (int aggregate = first; aggregate < AGGREGATES; aggregate += WRITERS) {
                            eventStore.publish(deposit("account-" + aggregate, round));
                            count++;
                        }
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> future : done) {
                total += future.get(2, TimeUnit.MINUTES);
            }
            return total;
        } finally {
            writers.shutdownNow();
        }
    }

    private void awaitHandled(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (handler.handled() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // let anything beyond the expected count arrive, so duplicates are seen
        assertThat(handler.handled()).isEqualTo(expected);
    }

    /** Records, per aggregate, the sequence numbers in the order they were handled. */
    static class RecordingHandler implements EventMessageHandler {

        private final Map<String, List<Long>> sequences = new ConcurrentHashMap<>();
        private final AtomicInteger handled = new AtomicInteger();

        @Override
        public Object handle(EventMessage<?> event) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
            sequences.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
                     .add(domainEvent.getSequenceNumber());
            handled.incrementAndGet();
            return null;
        }

        int handled() {
            return handled.get();
        }

        void assertEveryEventOnceInAggregateOrder(int appended, int passes) {
            assertThat(sequences).hasSize(AGGREGATES);
            List<Long> onePass = new ArrayList<>();
            for (long s = 0; s < EVENTS_PER_AGGREGATE; s++) {
                onePass.add(s);
            }
            List<Long> expected = new ArrayList<>();
            for (int pass = 0; pass < passes; pass++) {
                expected.addAll(onePass);
            }
            sequences.forEach((aggregate, seen) -> assertThat(seen).as(aggregate).isEqualTo(expected));
            assertThat(handled()).isEqualTo(appended * passes);
        }
    }

    /** Samples the size of the stored tracking tokens while a replay runs. */
    static class TokenSizeProbe {

        private final MongoCollection<Document> tokens;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong largest = new AtomicLong();
        private final AtomicInteger samples = new AtomicInteger();
        private Thread thread;

        TokenSizeProbe(MongoCollection<Document> tokens) {
            this.tokens = tokens;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (Document token : tokens.find()) {
                        int size = new RawBsonDocument(token, new DocumentCodec()).getByteBuffer().remaining();
                        largest.accumulateAndGet(size, Math::max);
                        samples.incrementAndGet();
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "token-size-probe");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        int samples() {
            return samples.get();
        }

        long largestBytes() {
            return largest.get();
        }
    }
}
