package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.retention.UserFactsBuilder;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How users moved between the layers of two runs, over HTTP. Runs take every user of the database, so the app gets
 * a database of its own: 40 users registered one a day from 1998-01-01, facts seeded straight into
 * {@code user_facts}; a run as of 1998-01-25 (25 users) and one as of 1998-02-25 (all 40).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecycle.mongo.database=transitions_${random.uuid}")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayerTransitionsApiTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(1998, 1, 1);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MongoDatabase database;

    Http http;
    JsonNode january;
    JsonNode february;

    @BeforeAll
    void twoRunsAMonthApart() {
        http = new Http(rest);
        List<Document> facts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UserFactsBuilder user = new UserFactsBuilder("u-" + i).registered(FIRST_DAY.plusDays(i), null)
                                                                  .activeOn(FIRST_DAY.plusDays(i + (i % 7) * 3L));
            for (int p = 0; p < i % 3; p++) {
                user.purchased(FIRST_DAY.plusDays(i + p), BigDecimal.valueOf(2_000L + 997L * i, 2));
            }
            facts.add(StoredFacts.of(user.build(), 0).toDocument());
        }
        database.getCollection(StoredFacts.COLLECTION).insertMany(facts, new InsertManyOptions().ordered(false));
        january = run("1998-01-25T04:00:00Z");
        february = run("1998-02-25T04:00:00Z");
    }

    @Test
    void theTransitionsOfARunCompareEachUserWithTheRunBeforeIt() {
        String path = "/api/v1/layers/runs/" + february.path("runId").asText() + "/transitions";

        Response transitions = http.get(path);

        assertThat(transitions.status()).as(transitions.body().toString()).isEqualTo(200);
        JsonNode body = transitions.body();
        assertThat(body.path("run").path("runId").asText()).isEqualTo(february.path("runId").asText());
        assertThat(body.path("since").path("runId").asText()).as("the run before it")
                                                             .isEqualTo(january.path("runId").asText());
        assertThat(body.path("layers").toString())
                .isEqualTo("[\"VALUE_CONTRIBUTOR\",\"POTENTIAL_GROWER\",\"MAINTAIN\",\"CHURN_WARNING\"]");
        long inBoth = 0;
        for (JsonNode row : body.path("moves")) {
            inBoth += sum(row);
        }
        assertThat(inBoth).isEqualTo(25).isEqualTo(body.path("stayed").asLong() + body.path("moved").asLong());
        assertThat(sum(body.path("entered"))).as("registered between the runs").isEqualTo(15);
        assertThat(sum(body.path("left"))).isZero();
        assertThat(http.get(path + "?since=" + january.path("runId").asText()).body()).isEqualTo(body);
    }

    @Test
    void eachUsersMoveIsTheChangeOfTheirOwnLayer() {
        JsonNode moves = http.get("/api/v1/layers/runs/" + february.path("runId").asText() + "/transitions").body()
                             .path("moves");

        long[][] expected = new long[4][4];
        List<String> layers = List.of("VALUE_CONTRIBUTOR", "POTENTIAL_GROWER", "MAINTAIN", "CHURN_WARNING");
        for (int i = 0; i < 25; i++) {
            JsonNode history = http.get("/api/v1/users/u-" + i + "/layers").body().path("layers");
            expected[layers.indexOf(history.get(1).path("layer").asText())]
                    [layers.indexOf(history.get(0).path("layer").asText())]++;
        }
        for (int from = 0; from < 4; from++) {
            for (int to = 0; to < 4; to++) {
                assertThat(moves.path(layers.get(from)).path(layers.get(to)).asLong())
                        .as(layers.get(from) + " to " + layers.get(to)).isEqualTo(expected[from][to]);
            }
        }
    }

    @Test
    void transitionsNeedAnotherKnownRunToCompareWith() {
        String runId = february.path("runId").asText();

        Response firstRun = http.get("/api/v1/layers/runs/" + january.path("runId").asText() + "/transitions");
        Response unknownRun = http.get("/api/v1/layers/runs/no-such-run/transitions");
        Response unknownSince = http.get("/api/v1/layers/runs/" + runId + "/transitions?since=no-such-run");
        Response itself = http.get("/api/v1/layers/runs/" + runId + "/transitions?since=" + runId);

        assertThat(firstRun.status()).isEqualTo(404);
        assertThat(firstRun.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(firstRun.errorFields()).containsExactly("since");
        assertThat(firstRun.body().path("detail").asText()).contains("no run before it");
        assertThat(unknownRun.status()).isEqualTo(404);
        assertThat(unknownRun.errorFields()).containsExactly("runId");
        assertThat(unknownSince.status()).isEqualTo(404);
        assertThat(unknownSince.errorFields()).containsExactly("since");
        assertThat(itself.status()).isEqualTo(400);
        assertThat(itself.errorFields()).containsExactly("since");
    }

    private JsonNode run(String asOf) {
        Response created = http.post("/api/v1/layers/runs", "{\"asOf\": \"" + asOf + "\", \"k\": 4}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }
}
