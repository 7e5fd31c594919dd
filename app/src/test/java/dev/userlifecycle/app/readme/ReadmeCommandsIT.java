package dev.userlifecycle.app.readme;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static dev.userlifecycle.app.readme.Poll.poll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first and third commands, run as a user runs them: the packaged jar, started in a fresh folder that
 * has no {@code ../shared} beside it, with exactly the README's arguments, the key read from the log.
 */
class ReadmeCommandsIT {

    private static final int CDNOW_CUSTOMERS = 23_570;
    // a bound, not an expectation: on 2 cores shared with other work the whole import takes a few minutes
    private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(8);
    private static final String REGISTRATION = """
            {"userId": "u-1", "channel": {"source": "app-store", "medium": "cpc", "campaign": "spring"},
             "consents": {"sms": true, "push": true, "email": false}}""";

    @TempDir
    Path folder;
    int port;

    @BeforeEach
    void aFolderWithoutSharedBesideIt() throws IOException {
        folder = folder.toRealPath();
        assertThat(folder.resolve("../shared").normalize()).doesNotExist();
        // 8080 as in the README, unless this machine has it taken: then a free port, passed as PORT
        port = JarProcess.readmePortOrFree();
    }

    @Test
    void theDemoLoadsTheCopyInsideTheApplicationAndLayersEveryCdnowCustomer() throws Exception {
        long begin = System.nanoTime();
        try (JarProcess demo = JarProcess.start(folder, "demo.log", port, "--spring.profiles.active=cdnow")) {
            ServiceClient client = ready(demo);

            JsonNode layers = poll("GET /api/v1/layers to answer", DEMO_TIMEOUT, () -> {
                demo.requireAlive();
                return client.get("/api/v1/layers");
            }, answer -> answer.status() == 200).body();
            System.out.printf("README demo: GET /api/v1/layers answered 200 %.1f s after java -jar started%n",
                              (System.nanoTime() - begin) / 1e9);

            assertThat(layers.path("users").asLong()).isEqualTo(CDNOW_CUSTOMERS);
            assertThat(StreamSupport.stream(layers.path("layers").spliterator(), false)
                                    .mapToLong(layer -> layer.path("count").asLong()).sum())
                    .isEqualTo(CDNOW_CUSTOMERS);
            assertThat(layers.path("trigger").asText()).isEqualTo("import");
            assertThat(demo.log()).contains("Loading the CDNOW history from the copy inside the application");
        }
    }

    @Test
    void thePlainServiceKeepsItsDataUnderDataInItsFolderAcrossARestart() throws Exception {
        Path dataFile = folder.resolve("data/lifecycle.mv");
        String firstKey;
        try (JarProcess first = JarProcess.start(folder, "first.log", port)) {
            ServiceClient client = ready(first);
            firstKey = first.generatedKey();
            assertThat(client.post("/api/v1/users", REGISTRATION).status()).isEqualTo(201);
            assertThat(awaitProfile(client, first).path("status").asText()).isEqualTo("REGISTERED");
            assertThat(first.log()).contains("Embedded MongoDB keeps its data in " + dataFile);
            assertThat(dataFile).isRegularFile();
        }

        try (JarProcess second = JarProcess.start(folder, "second.log", port)) {
            ServiceClient client = ready(second);
            assertThat(second.generatedKey()).as("a new key each start")
                                             .isNotEqualTo(firstKey);
            assertThat(awaitProfile(client, second).path("userId").asText()).isEqualTo("u-1");
        }
    }

    @Test
    void aFolderWhoseDataIsAFileRefusesToStartWithAClearMessage() throws Exception {
        Files.writeString(folder.resolve("data"), "a file, not a folder");
        try (JarProcess refused = JarProcess.start(folder, "refused.log", port)) {
            Optional<Integer> exitCode = refused.awaitExit(Duration.ofMinutes(3));

            assertThat(exitCode).as("ended by itself").isPresent();
            assertThat(exitCode.get()).as("exit code").isNotZero();
            assertThat(refused.log())
                    .contains("The embedded MongoDB cannot keep its data in " + folder.resolve("data/lifecycle.mv")
                              + ": " + folder.resolve("data") + " is a file, where its folder should be")
                    .contains("LIFECYCLE_DATA_FILE", "LIFECYCLE_EMBEDDED_BACKEND=memory")
                    .doesNotContain("\tat ", "Exception in thread");
        }
    }

    private static ServiceClient ready(JarProcess process) {
        ServiceClient anonymous = new ServiceClient(process.port(), null);
        process.awaitReady(anonymous);
        return anonymous.withKey(process.generatedKey());
    }

    /** The read model follows the events within a short lag. */
    private static JsonNode awaitProfile(ServiceClient client, JarProcess process) {
        return poll("the profile of u-1", Duration.ofSeconds(30), () -> {
            process.requireAlive();
            return client.get("/api/v1/users/u-1");
        }, answer -> answer.status() == 200).body();
    }
}
