package dev.userlifecycle.app.deadlines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.UserLifecycleApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A deadline scheduled before a stop of the whole application fires after it starts again (H2 file). */
class DeadlineSurvivesRestartTest {

    @TempDir
    Path directory;

    @Test
    void aDeadlineDueDuringTheStopFiresAfterTheRestart() throws InterruptedException {
        String userId = Probes.newProbeUser();
        try (ConfigurableApplicationContext app = start()) {
            Probes.register(app, userId);
            awaitSagaStored(app);
            assertThat(Probes.fired(app, userId)).as("stopped before it was due").isFalse();
        }

        Instant restartedAt = Instant.now();
        try (ConfigurableApplicationContext restarted = start()) {
            Probes.awaitFired(restarted, userId, Duration.ofSeconds(20));
            assertThat(Probes.firedAt(restarted, userId)).as("fired by the restarted application").isAfter(restartedAt);
        }
    }

    /** The saga's processor handles the registration asynchronously: stop only once the deadline is stored. */
    private static void awaitSagaStored(ConfigurableApplicationContext app) throws InterruptedException {
        MongoCollection<Document> jobs = app.getBean(MongoDatabase.class)
                      .getCollection(DeadlineConfiguration.COLLECTION_PREFIX + "jobs");
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (jobs.countDocuments() == 0) {
            assertThat(System.nanoTime()).as("the deadline is scheduled in time").isLessThan(end);
            Thread.sleep(20);
        }
    }

    /** Command-line arguments: unlike the builder's default properties they win over application.yml. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UserLifecycleApplication.class)
                .run("--server.port=0",
                     "--" + DeadlineProbeSaga.ENABLED + "=true",
                     "--lifecycle.mongo.uri=",
                     "--lifecycle.mongo.embedded.backend=h2",
                     "--lifecycle.mongo.embedded.file=" + directory.resolve("lifecycle.mv"));
    }
}
