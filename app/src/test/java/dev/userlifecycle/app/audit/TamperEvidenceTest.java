package dev.userlifecycle.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userlifecycle.app.Http;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events changed behind the service's back, with the raw MongoDB driver, are found by the verification of the
 * user's hash chain, at the sequence number where it happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TamperEvidenceTest {

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
    void anUntouchedUserVerifies() {
        String userId = userWithTwoPurchases();

        JsonNode chain = http.get(chain(userId)).body();

        assertThat(chain.path("valid").asBoolean()).isTrue();
        assertThat(chain.path("events").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(chain.path("chained").asLong()).isEqualTo(chain.path("events").asLong());
        assertThat(chain.path("unchained").asLong()).isZero();
        assertThat(chain.path("firstBrokenLink").isNull()).isTrue();
        assertThat(chain.path("aggregateId").asText()).isEqualTo(userId);
    }

    @Test
    void aPurchaseAmountChangedInTheDatabaseBreaksTheChainAtThatPurchase() {
        String userId = userWithTwoPurchases();
        JsonNode purchase = firstEventOfType(userId, "PurchaseMade");
        long position = purchase.path("position").asLong();
        Document stored = events().find(Filters.eq("_id", position)).first();
        String inflated = stored.getString("payload").replace("\"12.50\"", "\"1250.00\"");
        assertThat(inflated).isNotEqualTo(stored.getString("payload"));

        events().updateOne(Filters.eq("_id", position), Updates.set("payload", inflated));

        JsonNode broken = http.get(chain(userId)).body().path("firstBrokenLink");
        assertThat(http.get(chain(userId)).body().path("valid").asBoolean()).isFalse();
        assertThat(broken.path("sequence").asLong()).isEqualTo(purchase.path("sequence").asLong());
        assertThat(broken.path("position").asLong()).isEqualTo(position);
        assertThat(broken.path("reason").asText()).isEqualTo("CONTENT_ALTERED");
        assertThat(firstEventOfType(userId, "PurchaseMade").path("payload").path("amount").path("amount").asText())
                .as("the audit shows what is stored").isEqualTo("1250.00");
    }

    @Test
    void aDeletedEventIsReportedAtItsSequence() {
        String userId = userWithTwoPurchases();
        JsonNode activation = firstEventOfType(userId, "UserActivated");

        events().deleteOne(Filters.eq("_id", activation.path("position").asLong()));

        JsonNode broken = http.get(chain(userId)).body().path("firstBrokenLink");
        assertThat(broken.path("sequence").asLong()).isEqualTo(activation.path("sequence").asLong());
        assertThat(broken.path("reason").asText()).isEqualTo("MISSING");
    }

    @Test
    void twoSwappedEventsAreReportedAtTheFirstOfThem() {
        String userId = userWithTwoPurchases();
        JsonNode page = http.get("/api/v1/audit/users/" + userId + "/events").body().path("events");
        Document first = events().find(Filters.eq("_id", page.get(1).path("position").asLong())).first();
        Document second = events().find(Filters.eq("_id", page.get(2).path("position").asLong())).first();

        swapContents(first, second);

        JsonNode broken = http.get(chain(userId)).body().path("firstBrokenLink");
        assertThat(broken.path("sequence").asLong()).isEqualTo(1);
        assertThat(broken.path("reason").asText()).isEqualTo("MISPLACED");
    }

    @Test
    void anIncidentsChainVerifiesToo() {
        String userId = userWithTwoPurchases();
        JsonNode declared = http.post("/api/v1/incidents", """
                {"title": "checkout down", "severity": "LOW", "affectedUserIds": ["%s"]}""".formatted(userId)).body();

        JsonNode chain = http.get("/api/v1/audit/incidents/" + declared.path("incidentId").asText() + "/chain")
                             .body();

        assertThat(chain.path("valid").asBoolean()).isTrue();
        assertThat(chain.path("aggregateType").asText()).isEqualTo("Incident");
        assertThat(chain.path("events").asLong()).isPositive();
    }

    /** Each document moves to the other's position (deleted first: the store keeps (aggregate, sequence) unique). */
    private void swapContents(Document first, Document second) {
        Object firstId = first.get("_id");
        Object secondId = second.get("_id");
        events().deleteMany(Filters.in("_id", firstId, secondId));
        first.put("_id", secondId);
        second.put("_id", firstId);
        events().insertMany(java.util.List.of(second, first));
    }

    private JsonNode firstEventOfType(String userId, String type) {
        for (JsonNode event : http.get("/api/v1/audit/users/" + userId + "/events").body().path("events")) {
            if (event.path("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in the stream of " + userId);
    }

    private static String chain(String userId) {
        return "/api/v1/audit/users/" + userId + "/chain";
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    /** Registered, activated, active on a day and two purchases: at least six events. */
    private String userWithTwoPurchases() {
        String userId = "tamper-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/users", """
                {"userId": "%s", "occurredAt": "2012-05-01T09:00:00Z", "channel": {"source": "ads"}}"""
                                     .formatted(userId)).status()).isEqualTo(201);
        for (int order = 1; order <= 2; order++) {
            assertThat(http.post("/api/v1/users/" + userId + "/purchases", """
                    {"orderId": "o-%d", "amount": {"amount": "12.50", "currency": "CNY"},
                     "occurredAt": "2012-05-0%dT10:00:00Z"}""".formatted(order, order + 1)).status())
                    .isEqualTo(201);
        }
        return userId;
    }
}
