package dev.userlifecycle.app.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cdnow} profile loads the CDNOW history when the service starts and layers it: here the first 1,200
 * lines of it, in a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecycle.mongo.database=cdnow_demo_${random.uuid}")
@ActiveProfiles({"cdnow", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class CdnowDemoTest {

    @TempDir
    static Path folder;
    static Path slice;

    @Autowired
    TestRestTemplate rest;

    @DynamicPropertySource
    static void cdnowFile(DynamicPropertyRegistry registry) {
        slice = CdnowSlice.write(folder, 1_200);
        registry.add("lifecycle.import.cdnow-demo.file", slice::toString);
    }

    @Test
    void theServiceStartsWithTheHistoryLoadedAndLayeredAsOfItsLastDay(CapturedOutput log) throws InterruptedException {
        Http http = new Http(rest);
        JsonNode layers = awaitLayers(http);

        assertThat(log.getOut()).contains("Loading the CDNOW history from " + slice.toAbsolutePath().normalize());

        assertThat(layers.path("trigger").asText()).isEqualTo("import");
        LocalDate lastDay = ImportSource.of(slice).read(ImportFormat.CDNOW.reader(ZoneId.of("Asia/Shanghai"), "USD"))
                                        .lines().stream().map(OrderLine::day).max(Comparator.naturalOrder())
                                        .orElseThrow();
        assertThat(layers.path("asOfDay").asText()).isEqualTo(lastDay.toString());
        JsonNode job = http.get("/api/v1/admin/imports").body().get(0);
        assertThat(job.path("file").asText()).isEqualTo("CDNOW_slice_1200.txt");
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("imported").asInt()).isEqualTo(1_200);
        assertThat(http.get("/api/v1/kpis?from=1997-01-01&to=1997-12-31").body().path("averageOrderValue")
                       .path("currency").asText()).as("the profile's platform currency").isEqualTo("USD");
    }

    private static JsonNode awaitLayers(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response layers = http.get("/api/v1/layers");
            if (layers.status() == 200) {
                return layers.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no layering run within 90 s; imports: " + http.get("/api/v1/admin/imports").body());
    }
}
