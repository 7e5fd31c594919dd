package dev.userlifecycle.app.sagas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.events.UserWentDormant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dormancy sweep through its admin endpoint. A sweep concerns every active user, and its events move the
 * analytics of the whole database, so the app gets a database of its own; pages of one id take the sweep through
 * several queries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=dormancy_${random.uuid}", "lifecycle.dormancy.page-size=1"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DormancySweepApiTest {

    private static final String SWEEPS = "/api/v1/admin/dormancy/sweeps";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EventStore eventStore;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void aSweepMarksTheUsersInactiveForThePeriodDormantOnceAndLeavesTheActiveOnes() {
        String prefix = "dz-" + UUID.randomUUID() + "-";
        String idle = prefix + "idle";
        String alsoIdle = prefix + "also-idle";
        String busy = prefix + "busy";
        for (String userId : List.of(idle, alsoIdle, busy)) {
            assertThat(http.post("/api/v1/users", registration(userId)).status()).isEqualTo(201);
            assertThat(http.post("/api/v1/users/" + userId + "/activation",
                                 "{\"occurredAt\": \"2030-01-02T08:00:00Z\"}").status()).isBetween(200, 204);
        }
        assertThat(http.post("/api/v1/users/" + busy + "/activities",
                             "{\"kind\": \"LOGIN\", \"occurredAt\": \"2030-02-20T08:00:00Z\"}").status())
                .isEqualTo(202);
        http.awaitGet("/api/v1/users/" + idle, body -> body.path("lastActiveAt").asText().equals("2030-01-02T08:00:00Z"));
        http.awaitGet("/api/v1/users/" + alsoIdle, body -> body.path("lastActiveAt").asText().equals("2030-01-02T08:00:00Z"));
        http.awaitGet("/api/v1/users/" + busy, body -> body.path("lastActiveAt").asText().equals("2030-02-20T08:00:00Z"));

        Response first = http.post(SWEEPS, "{\"asOf\": \"2030-03-01T00:00:00Z\"}");

        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("asOf").asText()).isEqualTo("2030-03-01T00:00:00Z");
        assertThat(first.body().path("dormancyPeriod").asText()).isEqualTo("PT720H");
        assertThat(first.body().path("candidates").asLong()).isEqualTo(2);
        assertThat(first.body().path("marked").asLong()).isEqualTo(2);
        assertThat(first.body().path("skipped").asLong()).isZero();
        assertThat(first.body().path("failed").asLong()).isZero();
        http.awaitGet("/api/v1/users/" + idle, body -> body.path("status").asText().equals("DORMANT"));
        http.awaitGet("/api/v1/users/" + alsoIdle, body -> body.path("status").asText().equals("DORMANT"));
        assertThat(http.get("/api/v1/users/" + busy).body().path("status").asText()).isEqualTo("ACTIVE");
        DomainEventMessage<?> last = lastEventOf(idle);
        assertThat(last.getPayload()).isEqualTo(new UserWentDormant(idle, Instant.parse("2030-01-02T08:00:00Z"),
                                                                    Instant.parse("2030-02-01T08:00:00Z")));

        Response second = http.post(SWEEPS, "{\"asOf\": \"2030-03-01T00:00:00Z\"}");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("candidates").asLong()).isZero();
        assertThat(second.body().path("marked").asLong()).isZero();
        assertThat(lastEventOf(idle).getSequenceNumber()).isEqualTo(last.getSequenceNumber());
    }

    @Test
    void aBadBodyIs400Problem() {
        Response badTime = http.post(SWEEPS, "{\"asOf\": \"yesterday\"}");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badTime.errorFields()).containsExactly("asOf");

        Response unknownField = http.post(SWEEPS, "{\"when\": \"2030-03-01T00:00:00Z\"}");
        assertThat(unknownField.status()).isEqualTo(400);

        Response malformed = http.post(SWEEPS, "{\"asOf\": ");
        assertThat(malformed.status()).isEqualTo(400);
    }

    private DomainEventMessage<?> lastEventOf(String userId) {
        return eventStore.readEvents(userId).asStream().reduce((a, b) -> b).orElseThrow();
    }

    private static String registration(String userId) {
        return """
                {"userId": "%s", "occurredAt": "2030-01-01T00:00:00Z",
                 "channel": {"source": "app-store", "medium": "cpc", "campaign": "winter"},
                 "consents": {"sms": true, "push": true, "email": false}}""".formatted(userId);
    }
}
