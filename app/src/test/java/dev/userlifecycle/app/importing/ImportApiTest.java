package dev.userlifecycle.app.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import jobs over HTTP: an uploaded CSV file with bad lines, the same file again, a CDNOW file of the import
 * directory, and requests the endpoint refuses. The app gets a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecycle.mongo.database=imports_${random.uuid}")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportApiTest {

    private static final String IMPORTS = "/api/v1/admin/imports";

    @TempDir
    static Path importDirectory;

    @Autowired
    TestRestTemplate rest;

    Http http;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("lifecycle.import.directory", () -> importDirectory.toString());
        registry.add("lifecycle.import.upload-directory", () -> importDirectory.resolve("uploads").toString());
    }

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void anUploadedFileIsImportedInTheBackgroundAndItsReportNamesEveryBadLine() {
        String buyer = "buyer-" + UUID.randomUUID();
        String visitor = "visitor-" + UUID.randomUUID();
        byte[] csv = ("userId,orderId,occurredAt,amount,currency\n"
                      + buyer + ",o-1,2026-03-01T09:30:00Z,12.50,CNY\n"
                      + buyer + ",o-2,2026-03-02T09:30:00Z,ten,CNY\n"
                      + buyer + ",,2026-03-03,7.50,CNY\n"
                      + buyer + ",o-3,2026-13-01,5.00,CNY\n"
                      + ",o-4,2026-03-04T09:30:00Z,5.00,CNY\n"
                      + visitor + ",o-5,2026-03-04T09:30:00Z,0.00,CNY\n"
                      + buyer + ",o-6,2026-03-05T09:30:00Z,5.00\n"
                      + buyer + ",\"o-7, gift\",2026-03-06T09:30:00Z,\"20.00\",CNY\n").getBytes(StandardCharsets.UTF_8);

        Response started = http.upload(IMPORTS, "file", "orders.csv", csv, Map.of("currency", "CNY"));

        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String id = started.body().path("id").asText();
        assertThat(started.headers().getLocation()).hasToString(IMPORTS + "/" + id);
        assertThat(started.body().path("format").asText()).isEqualTo("csv");
        JsonNode job = awaitEnd(id);
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("lines").asInt()).isEqualTo(8);
        assertThat(job.path("imported").asInt()).isEqualTo(4);
        assertThat(job.path("alreadyPresent").asInt()).isZero();
        assertThat(job.path("bad").asInt()).isEqualTo(4);
        assertThat(job.path("usersRegistered").asInt()).isEqualTo(2);
        assertThat(job.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(lines(job.path("badLines"))).containsExactly(
                "3: bad amount 'ten': not a decimal number",
                "5: bad date '2026-13-01': neither an ISO-8601 instant such as 2026-03-01T09:30:00Z nor a date such"
                + " as 2026-03-01",
                "6: missing userId",
                "8: wrong column count: 4 columns, expected 5 (userId,orderId,occurredAt,amount,currency)");

        JsonNode page = http.get(IMPORTS + "/" + id + "?offset=1&limit=2").body().path("badLines");
        assertThat(lines(page)).hasSize(2).first().asString().startsWith("5:");
        assertThat(page.path("total").asInt()).isEqualTo(4);
        assertThat(page.path("next").asInt()).isEqualTo(3);
        assertThat(http.get(IMPORTS + "/" + id + "?offset=3&limit=2").body().path("badLines").path("next").isNull())
                .isTrue();

        JsonNode profile = http.get("/api/v1/users/" + buyer).body();
        assertThat(profile.path("purchaseCount").asInt()).as("read models caught up when the job ends").isEqualTo(3);
        assertThat(profile.path("totalSpent").path("amount").asText()).isEqualTo("40.00");
        assertThat(profile.path("registeredAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(http.get("/api/v1/users/" + visitor).body().path("purchaseCount").asInt()).isZero();

        JsonNode again = awaitEnd(http.upload(IMPORTS, "file", "orders.csv", csv, Map.of("currency", "CNY"))
                                      .body().path("id").asText());
        assertThat(again.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(again.path("imported").asInt()).isZero();
        assertThat(again.path("skippedByCheckpoint").asInt()).isEqualTo(4);
        assertThat(again.path("alreadyPresent").asInt()).isEqualTo(4);
        assertThat(again.path("bad").asInt()).as("the file's bad lines, found again").isEqualTo(4);
        assertThat(http.get("/api/v1/users/" + buyer).body().path("purchaseCount").asInt()).isEqualTo(3);
        assertThat(http.get(IMPORTS).body().findValuesAsText("id")).contains(id, again.path("id").asText());
    }

    @Test
    void aFileOfTheImportDirectoryIsImportedByItsPathAndAnotherImportWaitsUntilItHasEnded() throws Exception {
        Files.copy(CdnowSlice.write(Files.createTempDirectory("cdnow"), 1_500),
                   importDirectory.resolve("CDNOW_part.txt"));

        Response started = http.post(IMPORTS, "{\"path\": \"CDNOW_part.txt\"}");
        Response meanwhile = http.upload(IMPORTS, "file", "more.csv",
                                         "userId,orderId,occurredAt,amount,currency\n".getBytes(StandardCharsets.UTF_8),
                                         Map.of());

        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        assertThat(started.body().path("format").asText()).isEqualTo("cdnow");
        assertThat(started.body().path("currency").asText()).isEqualTo("USD");
        assertThat(meanwhile.status()).as(meanwhile.body().toString()).isEqualTo(409);
        JsonNode job = awaitEnd(started.body().path("id").asText());
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("imported").asInt()).isEqualTo(1_500);
        assertThat(job.path("linesPerSecond").asDouble()).isPositive();
        assertThat(http.get("/api/v1/users/cdnow-00001").body().path("registeredAt").asText())
                .isEqualTo("1997-01-01T04:00:00Z");
    }

    @Test
    void requestsTheEndpointCannotServeAreProblemsNamingTheField() {
        byte[] csv = "userId,orderId,occurredAt,amount,currency\n".getBytes(StandardCharsets.UTF_8);

        assertProblem(http.upload(IMPORTS, "file", "a.csv", csv, Map.of("format", "xml")), 400, "format");
        assertProblem(http.upload(IMPORTS, "file", "a.csv", csv, Map.of("currency", "usd")), 400, "currency");
        assertProblem(http.upload(IMPORTS, "other", "a.csv", csv, Map.of()), 400, "file");
        assertProblem(http.post(IMPORTS, "{\"path\": \"../../etc/passwd\"}"), 400, "path");
        assertProblem(http.post(IMPORTS, "{\"path\": \"missing.txt\"}"), 400, "path");
        assertProblem(http.post(IMPORTS, "{}"), 400, "path");
        assertProblem(http.get(IMPORTS + "/x?limit=0"), 400, "limit");
        assertThat(http.get(IMPORTS + "/no-such-job").status()).isEqualTo(404);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.errorFields()).containsExactly(field);
    }

    private JsonNode awaitEnd(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Response response = http.get(IMPORTS + "/" + id);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            String status = response.body().path("status").asText();
            if (List.of("COMPLETED", "CANCELLED", "FAILED").contains(status)) {
                return response.body();
            }
            assertThat(System.nanoTime()).as("import " + id + " still " + status).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> lines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        page.path("items").forEach(item -> lines.add(item.path("line").asInt() + ": " + item.path("reason").asText()));
        return lines;
    }
}
