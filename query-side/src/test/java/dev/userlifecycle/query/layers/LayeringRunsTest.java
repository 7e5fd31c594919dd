package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.FindLatestLayeringRun;
import dev.userlifecycle.events.FindLayeringRun;
import dev.userlifecycle.events.FindLayeringRuns;
import dev.userlifecycle.events.FindUserLayerAt;
import dev.userlifecycle.events.FindUserLayers;
import dev.userlifecycle.events.LayerShare;
import dev.userlifecycle.events.LayeringFeatures;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringRunSummary;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.UserLayer;
import dev.userlifecycle.events.UserLayerHistory;
import dev.userlifecycle.query.layering.LayeringParameters;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.retention.UserFactsBuilder;
import dev.userlifecycle.query.store.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Layering runs on an embedded MongoDB: stored facts in, stored runs and assignments out. */
class LayeringRunsTest {

    private static final LocalDate JUNE_30 = LocalDate.of(1998, 6, 30);
    private static final Instant JUNE_30_NOON = Instant.parse("1998-06-30T04:00:00Z"); // noon in Shanghai

    private LayeringFixture fixture;
    private LayeringRuns runs;
    private LayeringQueries queries;

    @BeforeEach
    void start() {
        fixture = new LayeringFixture();
        ReadModels readModels = new Generations(fixture.database());
        runs = new LayeringRuns(readModels, fixture.clock(), LayeringFixture.ZONE, LayeringParameters.defaults());
        queries = new LayeringQueries(readModels);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theSameHistoryGivesTheSameRun() {
        fixture.store(Histories.of(500, 1, JUNE_30));

        LayeringRun first = runs.run(JUNE_30_NOON, null, LayeringTrigger.API);
        LayeringRun second = runs.run(JUNE_30_NOON, null, LayeringTrigger.API);

        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(second.users()).isEqualTo(500);
        assertThat(second.layers()).isEqualTo(first.layers());
        assertThat(second.clusters()).isEqualTo(first.clusters());
        assertThat(second.rfm()).isEqualTo(first.rfm());
        assertThat(second.iterations()).isEqualTo(first.iterations());
        for (String userId : List.of("u-0", "u-17", "u-499")) {
            List<UserLayer> history = history(userId).layers();
            assertThat(history).hasSize(2);
            assertThat(history.get(0)).usingRecursiveComparison().ignoringFields("runId")
                                      .isEqualTo(history.get(1));
        }
    }

    @Test
    void aRunIsStoredWithItsFiguresAndAnsweredAsTheLatest() {
        fixture.store(Histories.of(300, 2, JUNE_30));

        LayeringRun run = runs.run(JUNE_30_NOON, 5, LayeringTrigger.API);

        assertThat(run.asOfDay()).isEqualTo(JUNE_30);
        assertThat(run.trigger()).isEqualTo(LayeringTrigger.API);
        assertThat(run.parameters().k()).isEqualTo(5);
        assertThat(run.clusters()).hasSize(5);
        assertThat(run.layers()).extracting(LayerShare::layer)
                                .containsExactly("VALUE_CONTRIBUTOR", "POTENTIAL_GROWER", "MAINTAIN", "CHURN_WARNING");
        assertThat(run.layers().stream().mapToLong(LayerShare::count).sum()).isEqualTo(300);
        assertThat(run.layers().stream().mapToDouble(LayerShare::share).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(run.rfm().recency().keySet()).containsExactly("1", "2", "3", "4", "5");
        assertThat(run.rfm().recency().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
        assertThat(run.rfm().segments()).hasSize(11).containsKey("CHAMPIONS");
        assertThat(run.rfm().segments().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);

        assertThat(queries.handle(new FindLayeringRun(run.runId()))).contains(run);
        assertThat(queries.handle(new FindLatestLayeringRun())).contains(run);
        assertThat(queries.handle(new FindLayeringRun("nope"))).isEmpty();
    }

    @Test
    void beforeTheFirstRunThereIsNoLatestRunAndNoLayer() {
        fixture.store(Histories.of(10, 3, JUNE_30));

        assertThat(queries.handle(new FindLatestLayeringRun())).isEmpty();
        assertThat(queries.handle(new FindLayeringRuns())).isEmpty();
        assertThat(new LatestUserLayer(fixture.database()).find("u-1")).isEmpty();
        assertThat(history("u-1").layers()).isEmpty();
        assertThat(queries.handle(new FindUserLayers("nobody"))).isEmpty();
    }

    @Test
    void aUsersHistoryAcrossTwoRunsShowsEachRunsLayerScoresAndFeatures() {
        fixture.store(Histories.of(200, 4, JUNE_30.minusDays(40)));
        fixture.store(List.of(new UserFactsBuilder("alice").registered(LocalDate.of(1998, 5, 1), null)
                                                           .purchased(LocalDate.of(1998, 6, 1), new BigDecimal("80.00"))
                                                           .activeOn(LocalDate.of(1998, 6, 28))
                                                           .build()));

        LayeringRun may = runs.run(Instant.parse("1998-05-31T04:00:00Z"), null, LayeringTrigger.API);
        LayeringRun june = runs.run(JUNE_30_NOON, null, LayeringTrigger.API);

        List<UserLayer> history = history("alice").layers();
        assertThat(history).extracting(UserLayer::runId).containsExactly(june.runId(), may.runId());
        assertThat(history.get(0).asOfDay()).isEqualTo(JUNE_30);
        assertThat(history.get(0).features()).isEqualTo(new LayeringFeatures(2, 2, 3, 1, 80.0));
        assertThat(history.get(1).asOfDay()).isEqualTo(LocalDate.of(1998, 5, 31));
        assertThat(history.get(1).features()).isEqualTo(new LayeringFeatures(30, 0, 1, 0, 0));
        for (UserLayer layer : history) {
            LayeringRun run = layer.runId().equals(june.runId()) ? june : may;
            assertThat(run.clusters().get(layer.cluster()).layer()).isEqualTo(layer.layer());
            assertThat(layer.rfm().segment()).isNotBlank();
        }
        assertThat(history.get(0).rfm().frequency()).isGreaterThan(history.get(1).rfm().frequency());
    }

    @Test
    void atAnswersFromTheLatestRunOnOrBeforeTheDay() {
        fixture.store(Histories.of(100, 5, LocalDate.of(1998, 4, 1)));
        LayeringRun april = runs.run(Instant.parse("1998-04-30T04:00:00Z"), null, LayeringTrigger.API);
        LayeringRun june = runs.run(JUNE_30_NOON, null, LayeringTrigger.API);
        LayeringRun may = runs.run(Instant.parse("1998-05-31T04:00:00Z"), null, LayeringTrigger.API);

        assertThat(at("u-1", LocalDate.of(1998, 4, 29))).isNull();
        assertThat(at("u-1", LocalDate.of(1998, 4, 30)).runId()).isEqualTo(april.runId());
        assertThat(at("u-1", LocalDate.of(1998, 6, 29)).runId()).isEqualTo(may.runId());
        assertThat(at("u-1", LocalDate.of(1998, 6, 30)).runId()).isEqualTo(june.runId());
        assertThat(at("u-1", LocalDate.of(2030, 1, 1)).runId()).isEqualTo(june.runId());
        assertThat(queries.handle(new FindLatestLayeringRun()).orElseThrow().runId()).isEqualTo(june.runId());
        assertThat(queries.handle(new FindLayeringRuns())).extracting(LayeringRunSummary::runId)
                                                          .containsExactly(june.runId(), may.runId(), april.runId());
    }

    @Test
    void usersRegisteredAfterTheDayAreLeftOutOfTheRun() {
        fixture.store(Histories.of(50, 6, JUNE_30));
        fixture.store(List.of(new UserFactsBuilder("late").registered(JUNE_30.plusDays(1), null).build()));

        LayeringRun run = runs.run(JUNE_30_NOON, null, LayeringTrigger.API);

        assertThat(run.users()).isEqualTo(50);
        assertThat(history("late").layers()).isEmpty();
        assertThat(at("late", JUNE_30)).isNull();
    }

    @Test
    void fewerUsersThanClustersIsARuleViolationAndStoresNothing() {
        fixture.store(Histories.of(3, 7, JUNE_30));

        assertThatThrownBy(() -> runs.run(JUNE_30_NOON, 4, LayeringTrigger.API))
                .isInstanceOfSatisfying(TooFewUsersForLayeringException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(LifecycleError.Kind.RULE_VIOLATION);
                    assertThat(e.field()).isEqualTo("k");
                    assertThat(e.getMessage()).contains("k = 4", "at least 4 users", "1998-06-30", "there are 3");
                });
        assertThat(queries.handle(new FindLayeringRuns())).isEmpty();
        assertThat(runs.run(JUNE_30_NOON, 3, LayeringTrigger.API).users()).isEqualTo(3);
    }

    @Test
    void aRunWhileAnotherGoesOnIsAConflict() {
        fixture.store(Histories.of(20, 8, JUNE_30));
        RunLease lease = new RunLease(fixture.database());
        assertThat(lease.acquire("other-run", fixture.now())).isTrue();

        assertThatThrownBy(() -> runs.run(JUNE_30_NOON, null, LayeringTrigger.API))
                .isInstanceOfSatisfying(LayeringRunInProgressException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(LifecycleError.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("other-run");
                });

        lease.release("other-run");
        assertThat(runs.run(JUNE_30_NOON, null, LayeringTrigger.API).users()).isEqualTo(20);
    }

    @Test
    void twoConcurrentRequestsGiveOneRunAndOneConflict() throws Exception {
        fixture.store(Histories.of(20_000, 9, JUNE_30));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Object>> outcomes = List.of(attempt(go), attempt(go));

        go.countDown();

        List<Object> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());
        assertThat(results).filteredOn(LayeringRun.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(LayeringRunInProgressException.class::isInstance).hasSize(1);
        assertThat(queries.handle(new FindLayeringRuns())).hasSize(1);
    }

    @Test
    void aLeaseLeftByADeadProcessExpires() {
        fixture.store(Histories.of(20, 10, JUNE_30));
        new RunLease(fixture.database()).acquire("dead-run", fixture.now());

        fixture.moveTo(fixture.now().plus(RunLease.LIFETIME));

        assertThat(runs.run(JUNE_30_NOON, null, LayeringTrigger.API).users()).isEqualTo(20);
    }

    @Test
    void theScheduledRunTakesTheClocksNow() {
        fixture.store(Histories.of(50, 11, JUNE_30));
        ScheduledLayering schedule = new ScheduledLayering(runs);
        fixture.moveTo(Instant.parse("1998-07-05T19:00:00Z")); // Monday 03:00 in Shanghai

        schedule.run();

        LayeringRun first = queries.handle(new FindLatestLayeringRun()).orElseThrow();
        assertThat(first.trigger()).isEqualTo(LayeringTrigger.SCHEDULE);
        assertThat(first.asOf()).isEqualTo(Instant.parse("1998-07-05T19:00:00Z"));
        assertThat(first.asOfDay()).isEqualTo(LocalDate.of(1998, 7, 6));
        assertThat(first.startedAt()).isEqualTo(first.asOf());

        fixture.moveTo(Instant.parse("1998-07-12T19:00:00Z"));
        schedule.run();

        assertThat(queries.handle(new FindLayeringRuns())).extracting(LayeringRunSummary::asOfDay)
                                                          .containsExactly(LocalDate.of(1998, 7, 13),
                                                                           LocalDate.of(1998, 7, 6));
    }

    @Test
    void aScheduledRunWithTooFewUsersIsSkipped() {
        new ScheduledLayering(runs).run();

        assertThat(queries.handle(new FindLayeringRuns())).isEmpty();
    }

    @Test
    void aRunKeepsItsAssignmentsInAFixedNumberOfChunks() {
        fixture.store(Histories.of(5_000, 12, JUNE_30));

        runs.run(JUNE_30_NOON, null, LayeringTrigger.API);

        long chunks = fixture.database().getCollection(LayeringCollections.ASSIGNMENTS).countDocuments();
        assertThat(chunks).isLessThanOrEqualTo(AssignmentChunks.BUCKETS).isGreaterThan(AssignmentChunks.BUCKETS / 2);
        Map<String, Long> layers = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            layers.merge(at("u-" + i, JUNE_30).layer(), 1L, Long::sum);
        }
        LayeringRun run = queries.handle(new FindLatestLayeringRun()).orElseThrow();
        for (LayerShare layer : run.layers()) {
            assertThat(layers.getOrDefault(layer.layer(), 0L)).as(layer.layer()).isEqualTo(layer.count());
        }
    }

    private CompletableFuture<Object> attempt(CountDownLatch go) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                return runs.run(JUNE_30_NOON, null, LayeringTrigger.API);
            } catch (LayeringRunInProgressException e) {
                return e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        });
    }

    private UserLayerHistory history(String userId) {
        return queries.handle(new FindUserLayers(userId)).orElseThrow();
    }

    private UserLayer at(String userId, LocalDate day) {
        return queries.handle(new FindUserLayerAt(userId, day)).orElse(null);
    }
}
