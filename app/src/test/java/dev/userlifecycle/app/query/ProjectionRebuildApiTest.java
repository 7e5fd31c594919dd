package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.rebuild.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding projections over HTTP: every read during a rebuild answers exactly what it answered before, progress
 * moves, and after the switch the rebuilt read model equals the old one document by document; commands acknowledged
 * while a rebuild runs all reach the rebuilt read model.
 */
// no sagas role: the history is the test's alone. A batch of one event makes the copies slow enough to be read around
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=rebuild_${random.uuid}", "lifecycle.roles=command,query",
                      "lifecycle.query.rebuild.batch-size=1", "lifecycle.query.rebuild.progress-interval=50ms",
                      "lifecycle.query.rebuild.retire-delay=2s"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectionRebuildApiTest {

    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(3);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @Autowired
    Generations generations;
    @Autowired
    AnalyticsStore analytics;
    @Autowired
    CommandGateway commands;

    @Test
    void everyProjectionIsRebuiltIntoAnEqualCopyWhileEveryReadAnswersInFull() throws InterruptedException {
        Http http = new Http(rest);
        LifecycleHistory.Recorded history = new LifecycleHistory(http, commands).record(30);
        catchUp();
        Map<String, JsonNode> answers = answersTo(http, history);
        List<ReadModel> models = Arrays.asList(ReadModel.values());
        Map<String, List<Document>> before = ReadModelDocuments.answering(database, generations, models);
        Map<String, Integer> generationsBefore = new HashMap<>();
        models.forEach(model -> generationsBefore.put(model.projection(), generations.generation(model)));

        Http.Response neverRebuilt = http.get(path(ReadModel.POINTS_LEDGER));
        assertThat(neverRebuilt.status()).isEqualTo(404);
        assertThat(neverRebuilt.body().path("detail").asText()).contains("has not been rebuilt");
        for (ReadModel model : models) {
            Http.Response started = http.post(path(model), null);
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            assertThat(started.body().path("state").asText()).isIn("RUNNING", "SWITCHING", "COMPLETED");
            assertThat(started.body().path("generation").asInt())
                    .isEqualTo(generationsBefore.get(model.projection()) + 1);
        }
        Http.Response again = http.post(path(ReadModel.USER_FACTS), null);
        assertThat(again.status()).as("a second rebuild while one runs").isEqualTo(409);
        assertThat(again.headers().getContentType().toString()).startsWith("application/problem+json");

        Observed observed = readUntilRebuilt(http, models, answers);

        assertThat(observed.readRounds).as("rounds of reads while rebuilds ran").isGreaterThanOrEqualTo(3);
        assertThat(observed.runningPercents).as("percentages seen while running").hasSizeGreaterThanOrEqualTo(2);
        assertThat(observed.sawSpeedAndEta).as("a running rebuild showed its speed and time left").isTrue();
        for (ReadModel model : models) {
            JsonNode done = http.get(path(model)).body();
            int previous = generationsBefore.get(model.projection());
            assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
            assertThat(done.path("percent").decimalValue()).isEqualByComparingTo("100.0");
            assertThat(done.path("previousGeneration").asInt()).isEqualTo(previous);
            assertThat(done.path("generation").asInt()).isEqualTo(previous + 1);
            assertThat(done.path("eta").asText()).isEqualTo("PT0S");
            assertThat(Instant.parse(done.path("finishedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(done.path("startedAt").asText()));
            assertThat(generations.generation(model)).isEqualTo(previous + 1);
        }
        assertThat(ReadModelDocuments.answering(database, generations, models)).isEqualTo(before);
        answers.forEach((path, expected) -> assertThat(http.get(path).body()).as(path).isEqualTo(expected));

        awaitOldGenerationsDropped(generationsBefore);
        String buyer = history.users().get(1);
        assertThat(http.post("/api/v1/users/" + buyer + "/purchases", """
                {"orderId": "after-the-switch", "amount": {"amount": "5.00", "currency": "CNY"}}""").status())
                .isEqualTo(201);
        http.awaitGet("/api/v1/users/" + buyer, profile -> profile.path("purchaseCount").asInt() == 2);
    }

    @Test
    void purchasesAcknowledgedDuringARebuildAllReachTheRebuiltReadModel() throws InterruptedException {
        Http http = new Http(rest);
        LifecycleHistory.Recorded history = new LifecycleHistory(http, commands).record(10);
        catchUp();
        String buyer = history.users().get(2);
        List<ReadModel> models = List.of(ReadModel.USER_PROFILES, ReadModel.USER_FACTS);
        models.forEach(model -> assertThat(http.post(path(model), null).status()).isEqualTo(202));

        int purchases = 0;
        long deadline = System.nanoTime() + REBUILD_TIMEOUT.toNanos();
        while (!allCompleted(http, models)) {
            assertThat(System.nanoTime()).as("rebuilt within " + REBUILD_TIMEOUT).isLessThan(deadline);
            Http.Response purchase = http.post("/api/v1/users/" + buyer + "/purchases", """
                    {"orderId": "during-%d", "amount": {"amount": "3.50", "currency": "CNY"}}""".formatted(purchases));
            assertThat(purchase.status()).isEqualTo(201);
            purchases++;
            Thread.sleep(20);
        }
        int expected = 1 + purchases;
        assertThat(purchases).as("purchases made while the copies were built").isPositive();
        http.awaitGet("/api/v1/users/" + buyer, profile -> profile.path("purchaseCount").asInt() == expected);
        catchUp();
        Map<String, List<Document>> rebuilt = ReadModelDocuments.answering(database, generations, models);

        for (ReadModel model : models) {
            StreamingEventProcessor processor = processing.eventProcessor(model.projection(),
                                                                          StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        catchUp();
        assertThat(ReadModelDocuments.answering(database, generations, models))
                .as("the rebuilt read models equal a replay of the whole history").isEqualTo(rebuilt);
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        Http http = new Http(rest);

        Http.Response unknown = http.post("/api/v1/admin/projections/user-secrets/rebuild", null);
        Http.Response unknownProgress = http.get("/api/v1/admin/projections/user-secrets/rebuild");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknown.errorFields()).containsExactly("name");
        assertThat(unknown.body().path("detail").asText()).contains("user-profiles", "user-facts", "points-ledger",
                                                                     "incidents");
        assertThat(unknownProgress.status()).isEqualTo(404);
        assertThat(unknownProgress.errorFields()).containsExactly("name");
    }

    /** What the reads saw while the rebuilds ran. */
    private static final class Observed {
        int readRounds;
        final Set<String> runningPercents = new TreeSet<>();
        boolean sawSpeedAndEta;
    }

    /** Reads every answer and every progress in turn until every rebuild has completed; each answer must be equal. */
    private Observed readUntilRebuilt(Http http, List<ReadModel> models, Map<String, JsonNode> answers)
            throws InterruptedException {
        Observed observed = new Observed();
        long deadline = System.nanoTime() + REBUILD_TIMEOUT.toNanos();
        boolean completed = false;
        while (!completed) {
            assertThat(System.nanoTime()).as("rebuilt within " + REBUILD_TIMEOUT).isLessThan(deadline);
            for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
                Http.Response read = http.get(answer.getKey());
                assertThat(read.status()).as(answer.getKey()).isEqualTo(200);
                assertThat(read.body()).as(answer.getKey()).isEqualTo(answer.getValue());
            }
            completed = true;
            boolean running = false;
            for (ReadModel model : models) {
                JsonNode progress = http.get(path(model)).body();
                String state = progress.path("state").asText();
                completed &= state.equals("COMPLETED");
                if (state.equals("RUNNING")) {
                    running = true;
                    observed.runningPercents.add(model.projection() + " " + progress.path("percent").asText());
                    observed.sawSpeedAndEta |= progress.path("eventsPerSecond").asLong() > 0
                                               && !progress.path("eta").isNull()
                                               && progress.path("position").asLong() > 0
                                               && progress.path("headPosition").asLong() > 0;
                }
                assertThat(state).isIn("RUNNING", "SWITCHING", "COMPLETED");
            }
            observed.readRounds += running ? 1 : 0;
            Thread.sleep(10);
        }
        return observed;
    }

    /** The answers of the query API that the history reaches, each checked for being whole. */
    private static Map<String, JsonNode> answersTo(Http http, LifecycleHistory.Recorded history) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<String> users = history.users();
        for (String userId : List.of(users.get(0), users.get(1), users.get(2), users.get(users.size() - 1))) {
            answers.put("/api/v1/users/" + userId, http.get("/api/v1/users/" + userId).body());
        }
        for (String userId : List.of(users.get(1), users.get(users.size() - 1))) {
            answers.put("/api/v1/users/" + userId + "/points", http.get("/api/v1/users/" + userId + "/points").body());
        }
        for (String path : List.of("/api/v1/retention?cohort=week&period=week&from=2026-01-26&to=2026-04-30",
                                   "/api/v1/lifecycle?interval=week&from=2026-02-02&to=2026-04-30",
                                   "/api/v1/kpis?from=2026-02-01&to=2026-04-30", "/api/v1/campaigns/wake-up",
                                   "/api/v1/incidents/" + history.incidentId(), "/api/v1/incidents")) {
            answers.put(path, http.get(path).body());
        }
        List<String> referred = users.subList(1, users.size());
        assertThat(answers.get("/api/v1/users/" + users.get(0)).path("referrals").asInt()).isEqualTo(referred.size());
        assertThat(answers.get("/api/v1/users/" + users.get(1)).path("purchaseCount").asInt()).isEqualTo(1);
        assertThat(answers.get("/api/v1/users/" + users.get(1) + "/points").path("entries")).isNotEmpty();
        // other tests' histories share the database: the figures of everybody are at least this history's
        assertThat(answers.get("/api/v1/kpis?from=2026-02-01&to=2026-04-30").path("registeredUsers").asInt())
                .isGreaterThanOrEqualTo(users.size());
        assertThat(answers.get("/api/v1/campaigns/wake-up").path("entered").asInt())
                .isGreaterThanOrEqualTo(referred.size());
        assertThat(answers.get("/api/v1/incidents/" + history.incidentId()).path("apologised").asInt())
                .isEqualTo(referred.size());
        assertThat(answers.get("/api/v1/retention?cohort=week&period=week&from=2026-01-26&to=2026-04-30")
                          .path("rows")).isNotEmpty();
        return answers;
    }

    private void awaitOldGenerationsDropped(Map<String, Integer> generationsBefore)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> remaining = new ArrayList<>();
        do {
            Thread.sleep(100);
            remaining.clear();
            for (ReadModel model : ReadModel.values()) {
                int old = generationsBefore.get(model.projection());
                for (String collection : model.collections()) {
                    String name = old == 0 ? collection : collection + "_g" + old;
                    if (database.getCollection(name).countDocuments() > 0) {
                        remaining.add(name);
                    }
                }
            }
        } while (!remaining.isEmpty() && System.nanoTime() < deadline);
        assertThat(remaining).as("old generations left after the retire delay").isEmpty();
    }

    private static boolean allCompleted(Http http, List<ReadModel> models) {
        return models.stream().allMatch(model -> http.get(path(model)).body().path("state").asText()
                                                     .equals("COMPLETED"));
    }

    private void catchUp() throws InterruptedException {
        new ProjectionCatchUp(processing, eventStore).await(Duration.ofSeconds(60));
        analytics.flush();
    }

    private static String path(ReadModel model) {
        return "/api/v1/admin/projections/" + model.projection() + "/rebuild";
    }
}
