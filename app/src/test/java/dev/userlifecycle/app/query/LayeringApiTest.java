package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.UserFactsBuilder;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Layering over HTTP: facts seeded straight into {@code user_facts}, runs started and read through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LayeringApiTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(1998, 1, 1);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MongoDatabase database;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void aRunIsTheLatestLayeringAndShowsInTheUsersHistoryAndProfile() {
        String prefix = "lt-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String userId = prefix + "profiled";
        assertThat(http.post("/api/v1/users", registration(userId)).status()).isEqualTo(201);
        seed(facts(prefix, 40), new UserFactsBuilder(userId).registered(FIRST_DAY, null).build());

        Response created = http.post("/api/v1/layers/runs", "{\"asOf\": \"1998-06-30T12:00:00Z\", \"k\": 4}");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode run = created.body();
        String runId = run.path("runId").asText();
        assertThat(created.headers().getLocation()).hasToString("/api/v1/layers/runs/" + runId);
        assertThat(run.path("asOfDay").asText()).isEqualTo("1998-06-30");
        assertThat(run.path("trigger").asText()).isEqualTo("api");
        assertThat(run.path("users").asLong()).isEqualTo(41);
        assertThat(run.path("parameters").path("k").asInt()).isEqualTo(4);
        assertThat(run.path("layers")).hasSize(4);
        assertThat(run.path("layers").get(0).path("centroid").has("monetary")).isTrue();
        assertThat(run.path("rfm").path("recency").path("5").isIntegralNumber()).isTrue();
        assertThat(run.path("rfm").path("segments").has("CHAMPIONS")).isTrue();

        Response latest = http.get("/api/v1/layers");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body()).isEqualTo(run);
        assertThat(http.get("/api/v1/layers/runs/" + runId).body()).isEqualTo(run);
        assertThat(http.get("/api/v1/layers/runs").body().get(0).path("runId").asText()).isEqualTo(runId);

        JsonNode history = http.get("/api/v1/users/" + prefix + "7/layers").body();
        assertThat(history.path("layers")).hasSize(1);
        JsonNode entry = history.path("layers").get(0);
        assertThat(entry.path("runId").asText()).isEqualTo(runId);
        assertThat(entry.path("layer").asText()).isNotBlank();
        assertThat(entry.path("rfm").path("segment").asText()).isNotBlank();
        assertThat(entry.path("features").path("recencyDays").isNumber()).isTrue();
        assertThat(http.get("/api/v1/users/" + prefix + "7/layers?at=1998-07-15").body()).isEqualTo(entry);
        Response before = http.get("/api/v1/users/" + prefix + "7/layers?at=1998-06-29");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.errorFields()).containsExactly("at");

        JsonNode profile = http.awaitGet("/api/v1/users/" + userId, body -> true);
        JsonNode profiled = http.get("/api/v1/users/" + userId + "/layers?at=1998-06-30").body();
        assertThat(profile.path("layer").asText()).isEqualTo(profiled.path("layer").asText());
        assertThat(profile.path("rfm")).isEqualTo(profiled.path("rfm"));
    }

    @Test
    void badRequestsAreProblems() {
        Response unknownRun = http.get("/api/v1/layers/runs/no-such-run");
        assertThat(unknownRun.status()).isEqualTo(404);
        assertThat(unknownRun.headers().getContentType().toString()).startsWith("application/problem+json");

        Response tooFew = http.post("/api/v1/layers/runs", "{\"asOf\": \"1900-01-01T00:00:00Z\"}");
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.errorFields()).containsExactly("k");
        assertThat(tooFew.body().path("detail").asText()).contains("1900-01-01");

        Response badK = http.post("/api/v1/layers/runs", "{\"k\": 9}");
        assertThat(badK.status()).isEqualTo(400);
        assertThat(badK.errorFields()).containsExactly("k");

        assertThat(http.get("/api/v1/users/nobody-" + UUID.randomUUID() + "/layers").status()).isEqualTo(404);
    }

    private static List<UserFacts> facts(String prefix, int users) {
        List<UserFacts> facts = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            UserFactsBuilder builder = new UserFactsBuilder(prefix + i).registered(FIRST_DAY.plusDays(i), null)
                                                                       .activeOn(FIRST_DAY.plusDays(3L * i + 20));
            for (int p = 0; p < i % 4; p++) {
                builder.purchased(FIRST_DAY.plusDays(2L * i + p), BigDecimal.valueOf(1_000L + 731L * i, 2));
            }
            facts.add(builder.build());
        }
        return facts;
    }

    private void seed(List<UserFacts> users, UserFacts extra) {
        List<UserFacts> all = new ArrayList<>(users);
        all.add(extra);
        for (UserFacts user : all) {
            Document document = StoredFacts.of(user, 0).toDocument();
            database.getCollection(StoredFacts.COLLECTION)
                    .replaceOne(Filters.eq("_id", user.userId()), document, new ReplaceOptions().upsert(true));
        }
    }

    private static String registration(String userId) {
        return """
                {"userId": "%s", "occurredAt": "1998-01-01T00:00:00Z",
                 "channel": {"source": "app-store", "medium": "cpc", "campaign": "spring"}}""".formatted(userId);
    }
}
