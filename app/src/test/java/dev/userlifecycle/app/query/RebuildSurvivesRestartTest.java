package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.app.UserLifecycleApplication;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.rebuild.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild that is running when the application stops goes on after the restart from where its copy had got to,
 * and switches to a read model equal to the old one (H2 file, as a deployment on the embedded server keeps it).
 */
class RebuildSurvivesRestartTest {

    private static final List<ReadModel> MODELS = List.of(ReadModel.USER_PROFILES, ReadModel.USER_FACTS);

    @TempDir
    Path directory;

    @Test
    void aRebuildInterruptedByAStopResumesFromItsTokenAfterTheRestart() throws InterruptedException {
        Map<String, List<Document>> before;
        Map<ReadModel, Long> positionsAtStop = new HashMap<>();
        try (ConfigurableApplicationContext app = start()) {
            Http http = http(app);
            new LifecycleHistory(http, app.getBean(CommandGateway.class)).record(30);
            catchUp(app);
            before = ReadModelDocuments.answering(app.getBean(MongoDatabase.class), app.getBean(Generations.class),
                                                  MODELS);
            MODELS.forEach(model -> assertThat(http.post(path(model), null).status()).isEqualTo(202));
            for (ReadModel model : MODELS) {
                JsonNode running = http.awaitGet(path(model), progress -> progress.path("position").asLong() > 0);
                assertThat(running.path("state").asText()).as("still running at the stop").isEqualTo("RUNNING");
            }
            for (ReadModel model : MODELS) {
                positionsAtStop.put(model, http.get(path(model)).body().path("position").asLong());
            }
        }

        try (ConfigurableApplicationContext restarted = start()) {
            Http http = http(restarted);
            for (ReadModel model : MODELS) {
                JsonNode progress = http.get(path(model)).body();
                assertThat(progress.path("state").asText()).isIn("RUNNING", "SWITCHING", "COMPLETED");
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!progress.path("state").asText().equals("COMPLETED")) {
                    assertThat(progress.path("position").asLong()).as("resumed from where it was, not from the start")
                                                                 .isGreaterThanOrEqualTo(positionsAtStop.get(model));
                    assertThat(System.nanoTime()).as("completed after the restart").isLessThan(deadline);
                    Thread.sleep(20);
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

    private static void catchUp(ConfigurableApplicationContext app) throws InterruptedException {
        new ProjectionCatchUp(app.getBean(EventProcessingConfiguration.class), app.getBean(EventStore.class))
                .await(Duration.ofSeconds(60));
        app.getBean(AnalyticsStore.class).flush();
    }

    private static Http http(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new Http(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    private static String path(ReadModel model) {
        return "/api/v1/admin/projections/" + model.projection() + "/rebuild";
    }

    /** Command-line arguments: unlike the builder's default properties they win over application.yml. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UserLifecycleApplication.class)
                .run("--server.port=0",
                     "--lifecycle.roles=command,query",
                     "--lifecycle.mongo.uri=",
                     "--lifecycle.mongo.embedded.backend=h2",
                     "--lifecycle.mongo.embedded.file=" + directory.resolve("lifecycle.mv"),
                     "--lifecycle.query.rebuild.batch-size=1",
                     "--lifecycle.query.rebuild.progress-interval=50ms");
    }
}
