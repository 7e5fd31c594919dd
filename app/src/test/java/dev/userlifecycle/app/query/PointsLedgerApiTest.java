package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.events.EarnPoints;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points earned (through the command gateway: no HTTP endpoint earns points directly) and redeemed show in the ledger;
 * 1 000 points reach SILVER.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PointsLedgerApiTest {

    private static final Instant EARNED_AT = Instant.parse("2026-03-02T00:00:00Z");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CommandGateway commands;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void theLedgerShowsEarningRedemptionAndTierNewestFirstInPages() {
        String userId = registeredUser();
        commands.sendAndWait(new EarnPoints(userId, 1_000, "purchase", "o-1", EARNED_AT,
                                            EARNED_AT.plus(Duration.ofDays(400))));
        assertThat(http.post("/api/v1/users/" + userId + "/points/redemptions", """
                {"points": 120, "reason": "coupon", "redemptionId": "r-1", "occurredAt": "2026-03-03T00:00:00Z"}""")
                       .status()).isEqualTo(201);

        JsonNode ledger = http.awaitGet("/api/v1/users/" + userId + "/points", body -> body.path("entries").size() == 3);

        assertThat(ledger.path("userId").asText()).isEqualTo(userId);
        assertThat(ledger.path("balance").asLong()).isEqualTo(880);
        assertThat(ledger.path("earnedTotal").asLong()).isEqualTo(1_000);
        assertThat(ledger.path("tier").asText()).isEqualTo("SILVER");
        assertThat(ledger.path("next").isNull()).isTrue();
        assertThat(kinds(ledger)).containsExactly("REDEEMED", "TIER_CHANGED", "EARNED");
        JsonNode redeemed = ledger.path("entries").get(0);
        assertThat(redeemed.path("points").asLong()).isEqualTo(-120);
        assertThat(redeemed.path("balance").asLong()).isEqualTo(880);
        assertThat(redeemed.path("redemptionId").asText()).isEqualTo("r-1");
        JsonNode earned = ledger.path("entries").get(2);
        assertThat(earned.path("sourceId").asText()).isEqualTo("o-1");
        assertThat(earned.path("expiresAt").asText()).isEqualTo("2027-04-06T00:00:00Z");

        Response firstPage = http.get("/api/v1/users/" + userId + "/points?limit=2");
        assertThat(kinds(firstPage.body())).containsExactly("REDEEMED", "TIER_CHANGED");
        long next = firstPage.body().path("next").asLong();
        Response secondPage = http.get("/api/v1/users/" + userId + "/points?limit=2&before=" + next);
        assertThat(kinds(secondPage.body())).containsExactly("EARNED");
        assertThat(secondPage.body().path("next").isNull()).isTrue();
    }

    @Test
    void aUserWithoutLedgerIs404Problem() {
        String withoutPoints = registeredUser();

        for (String userId : List.of(withoutPoints, "u-" + UUID.randomUUID())) {
            Response response = http.get("/api/v1/users/" + userId + "/points");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        }
    }

    @Test
    void aLimitOutsideOneTo500Is400NamingIt() {
        for (String limit : List.of("0", "501")) {
            Response response = http.get("/api/v1/users/u-1/points?limit=" + limit);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorFields()).containsExactly("limit");
        }
    }

    private String registeredUser() {
        String userId = "u-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/users", """
                {"userId": "%s", "occurredAt": "2026-03-01T00:00:00Z",
                 "channel": {"source": "app-store", "medium": "cpc", "campaign": "spring"}}""".formatted(userId))
                       .status()).isEqualTo(201);
        return userId;
    }

    private static List<String> kinds(JsonNode ledger) {
        List<String> kinds = new ArrayList<>();
        ledger.path("entries").forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

}
