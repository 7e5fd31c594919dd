package dev.userlifecycle.app.deadlines;

import dev.userlifecycle.app.UserLifecycleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;

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

        try (ConfigurableApplicationContext restarted = start()) {
            Probes.awaitFired(restarted, userId, Duration.ofSeconds(20));
        }
    }

    /** The saga's processor handles the registration asynchronously; stop only once the deadline is scheduled. */
    private static void awaitSagaStored(ConfigurableApplicationContext app) throws InterruptedException {
        var jobs = app.getBean(com.mongodb.client.MongoDatabase.class)
                      .getCollection(DeadlineConfiguration.COLLECTION_PREFIX + "jobs");
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (jobs.countDocuments() == 0) {
            assertThat(System.nanoTime()).as("the deadline is scheduled in time").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UserLifecycleApplication.class)
                .properties("server.port=0",
                            DeadlineProbeSaga.ENABLED + "=true",
                            "lifecycle.mongo.uri=",
                            "lifecycle.mongo.embedded.backend=h2",
                            "lifecycle.mongo.embedded.file=" + directory.resolve("lifecycle.mv"))
                .run();
    }
}
