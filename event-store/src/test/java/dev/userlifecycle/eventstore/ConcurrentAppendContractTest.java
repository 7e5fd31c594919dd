package dev.userlifecycle.eventstore;

import dev.userlifecycle.eventstore.testing.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.userlifecycle.eventstore.TestEvents.deposit;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentAppendContractTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 50;

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
    void ofEightThreadsRacingForTheNextSequenceNumberExactlyOneWinsEachRound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long sequence = round;
                List<Future<Outcome>> outcomes = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    outcomes.add(pool.submit(raceFor(sequence, start)));
                }
                List<Outcome> results = new ArrayList<>();
                for (Future<Outcome> outcome : outcomes) {
                    results.add(outcome.get(30, TimeUnit.SECONDS));
                }
                assertThat(results).as("round %d", round).containsOnly(Outcome.WON, Outcome.CONFLICT);
                assertThat(results).as("round %d", round).filteredOn(o -> o == Outcome.WON).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> sequences = engine.readEvents("contested").asStream()
                                     .map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).hasSize(ROUNDS).isSorted().doesNotHaveDuplicates();
        assertThat(mongo.database().getCollection("events").countDocuments())
                .as("the losers stored nothing").isEqualTo(ROUNDS);
        assertThat(engine.readEvents(null, false).count()).isEqualTo(ROUNDS);
    }

    @Test
    void concurrentAllocationsNeverHandOutAPositionTwice() throws Exception {
        PositionCounter counter = new PositionCounter(mongo.database().getCollection("event_counters"));
        java.util.Set<Long> handedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        long highest = counter.allocate(3);
                        for (long p = highest - 2; p <= highest; p++) {
                            assertThat(handedOut.add(p)).as("position %d handed out once", p).isTrue();
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long total = THREADS * 500L * 3;
        assertThat(handedOut).hasSize((int) total);
        assertThat(counter.highestAllocated()).isEqualTo(total);
    }

    private enum Outcome { WON, CONFLICT, FAILED }

    private Callable<Outcome> raceFor(long sequence, CyclicBarrier start) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            try {
                engine.appendEvents(deposit("contested", sequence));
                return Outcome.WON;
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                return Outcome.CONFLICT;
            } catch (RuntimeException e) {
                e.printStackTrace();
                return Outcome.FAILED;
            }
        };
    }
}
