package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.app.UserLifecycleApplication;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.rebuild.ProjectionRebuilds;
import dev.userlifecycle.query.rebuild.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild that is running when the application stops goes on after the restart from where its copy had got to,
 * and switches to a read model equal to the old one (H2 file, as a deployment on the embedded server keeps it). The
 * rebuilds are stopped as the application's stop stops them, before the rest of it.
 */
class RebuildSurvivesRestartTest {

    private static final List<ReadModel> MODELS = List.of(ReadModel.USER_PROFILES, ReadModel.USER_FACTS);
    /** A copy switches at its second progress check after it started at the soonest: time enough to stop it. */
    private static final String SLOW_CHECKS = "4s";
    /** After the restart the first check shows where the copy went on from. */
    private static final String QUICK_CHECKS = "50ms";

    @TempDir
    Path directory;

    @Test
    void aRebuildInterruptedByAStopResumesFromItsTokenAfterTheRestart() throws InterruptedException {
        Map<String, List<Document>> before;
        Map<ReadModel, Long> positionsAtStop = new HashMap<>();
        try (ConfigurableApplicationContext app = start(SLOW_CHECKS)) {
            Http http = Http.of(app);
            new LifecycleHistory(http, app.getBean(CommandGateway.class)).record(20);
            catchUp(app);
            MongoDatabase database = app.getBean(MongoDatabase.class);
            before = ReadModelDocuments.answering(database, app.getBean(Generations.class), MODELS);
            MODELS.forEach(model -> assertThat(http.post(path(model), null).status()).isEqualTo(202));
            awaitCopyUnderWay(database);

            app.getBean(ProjectionRebuilds.class).stop();
            for (ReadModel model : MODELS) {
                assertThat(http.get(path(model)).body().path("state").asText()).as("stopped while running")
                                                                              .isEqualTo("RUNNING");
                positionsAtStop.put(model, copyPosition(app, model));
                assertThat(positionsAtStop.get(model)).as("the copy of " + model.projection() + " had begun")
                                                      .isPositive();
            }
        }

        Instant restartedAt = Instant.now();
        try (ConfigurableApplicationContext restarted = start(QUICK_CHECKS)) {
            Http http = Http.of(restarted);
            for (ReadModel model : MODELS) {
                JsonNode progress = http.get(path(model)).body();
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!progress.path("state").asText().equals("COMPLETED")) {
                    assertThat(progress.path("state").asText()).isIn("RUNNING", "SWITCHING");
                    if (Instant.parse(progress.path("updatedAt").asText()).isAfter(restartedAt)) {
                        assertThat(progress.path("position").asLong())
                                .as("the copy of " + model.projection() + " goes on from its token, not from the start")
                                .isGreaterThanOrEqualTo(positionsAtStop.get(model));
                    }
                    assertThat(System.nanoTime()).as("completed after the restart").isLessThan(deadline);
                    Thread.sleep(10);
                    progress = http.get(path(model)).body();
                }
                assertThat(progress.path("generation").asInt()).isEqualTo(1);
            }
            Generations generations = restarted.getBean(Generations.class);
            MODELS.forEach(model -> assertThat(generations.generation(model)).isEqualTo(1));
            catchUp(restarted);
            assertThat(ReadModelDocuments.answering(restarted.getBean(MongoDatabase.class), generations, MODELS))
                    .isEqualTo(before);
        }
    }

    /**
     * Some profiles and facts are in the copies: each copy has handled several users' histories, more events than a
     * copy started again from the tail would handle before its first progress check.
     */
    private static void awaitCopyUnderWay(MongoDatabase database) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (database.getCollection("user_profiles_g1").countDocuments() < 8
               || database.getCollection("user_facts_g1").countDocuments() < 8) {
            assertThat(System.nanoTime()).as("the copies got under way").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** The position of a stopped copy's token. */
    private static long copyPosition(ConfigurableApplicationContext app, ReadModel model) {
        TokenStore tokens = app.getBean(TokenStore.class);
        String name = "rebuild:" + model.projection() + ":g1";
        TrackingToken token = tokens.fetchToken(name, 0);
        tokens.releaseClaim(name, 0);
        return token == null ? 0 : token.position().orElse(0);
    }

    private static void catchUp(ConfigurableApplicationContext app) throws InterruptedException {
        new ProjectionCatchUp(app.getBean(EventProcessingConfiguration.class), app.getBean(EventStore.class))
                .await(Duration.ofSeconds(60));
        app.getBean(AnalyticsStore.class).flush();
    }

    private static String path(ReadModel model) {
        return "/api/v1/admin/projections/" + model.projection() + "/rebuild";
    }

    /** Command-line arguments: unlike the builder's default properties they win over application.yml. */
    private ConfigurableApplicationContext start(String progressInterval) {
        return new SpringApplicationBuilder(UserLifecycleApplication.class)
                .run("--server.port=0",
                     "--lifecycle.roles=command,query",
                     "--lifecycle.mongo.uri=",
                     "--lifecycle.mongo.embedded.backend=h2",
                     "--lifecycle.mongo.embedded.file=" + directory.resolve("lifecycle.mv"),
                     "--lifecycle.query.rebuild.batch-size=1",
                     "--lifecycle.query.rebuild.progress-interval=" + progressInterval,
                     TestApiKeys.ARGUMENT);
    }
}
