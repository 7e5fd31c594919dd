package dev.userlifecycle.app.sagas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.eventstore.testing.MutableClock;
import dev.userlifecycle.sagas.loyalty.LoyaltyPointsPolicy;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loyalty-points flow over HTTP, with a clock the test moves: purchases earn points times the tier multiplier,
 * the referrer earns the (configured) referral bonus once, and a year later the expiry sweep expires the oldest points
 * and lowers the tier. A sweep concerns every user, so the app gets a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=loyalty_${random.uuid}", "lifecycle.loyalty.referral-bonus=150",
                "lifecycle.loyalty.page-size=1", "lifecycle.loyalty.expiry-schedule=-"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoyaltyPointsApiTest {

    private static final String SWEEPS = "/api/v1/admin/points/expiry-sweeps";
    private static final Instant START = Instant.parse("2031-01-10T02:00:00Z");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MutableClock clock;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void purchasesEarnPointsTheReferrerABonusOnceAndAYearLaterTheOldestPointsExpireAndTheTierFalls() throws Exception {
        String referrer = registered(null, null);
        String buyer = registered(referrer, null);

        purchase(buyer, "o-1", "1000.00", 201);
        ledgerOf(buyer, ledger -> ledger.path("balance").asLong() == 1_000 && tier(ledger).equals("SILVER"));
        ledgerOf(referrer, ledger -> ledger.path("balance").asLong() == 150);

        moveClockTo(Instant.parse("2031-03-01T02:00:00Z"));
        purchase(buyer, "o-1", "1000.00", 200);
        purchase(buyer, "o-2", "100.00", 201);
        JsonNode afterSecondPurchase = ledgerOf(buyer, ledger -> ledger.path("balance").asLong() == 1_120);
        assertThat(afterSecondPurchase.path("entries").get(0).path("points").asLong())
                .as("100.00 at SILVER, ×1.2").isEqualTo(120);

        moveClockTo(Instant.parse("2031-04-01T02:00:00Z"));
        assertThat(http.post("/api/v1/users/" + buyer + "/points/redemptions",
                             "{\"points\": 300, \"reason\": \"coupon\"}").status()).isEqualTo(201);
        new ProjectionCatchUp(processing, eventStore).await(Duration.ofSeconds(20));
        assertThat(kinds(http.get("/api/v1/users/" + referrer + "/points").body()))
                .as("one bonus for the referred user's purchases").containsExactly("EARNED");

        moveClockTo(Instant.parse("2032-01-11T02:00:00Z"));
        Response sweep = http.post(SWEEPS, "{}");

        assertThat(sweep.status()).as(sweep.body().toString()).isEqualTo(200);
        assertThat(sweep.body().path("asOf").asText()).isEqualTo("2032-01-11T02:00:00Z");
        assertThat(sweep.body().path("candidates").asLong()).isEqualTo(2);
        assertThat(sweep.body().path("expired").asLong()).isEqualTo(2);
        assertThat(sweep.body().path("pointsExpired").asLong()).as("700 left of o-1, and the bonus").isEqualTo(850);
        assertThat(sweep.body().path("downgraded").asLong()).isEqualTo(1);
        assertThat(sweep.body().path("failed").asLong()).isZero();

        JsonNode ledger = ledgerOf(buyer, body -> tier(body).equals("BRONZE"));
        assertThat(ledger.path("balance").asLong()).isEqualTo(120);
        assertThat(ledger.path("earnedTotal").asLong()).isEqualTo(1_120);
        assertThat(kinds(ledger)).containsExactly("TIER_CHANGED", "EXPIRED", "REDEEMED", "EARNED", "TIER_CHANGED",
                                                  "EARNED");
        JsonNode expired = ledger.path("entries").get(1);
        assertThat(expired.path("points").asLong()).isEqualTo(-700);
        assertThat(expired.path("occurredAt").asText()).as("when o-1's points expired")
                                                     .isEqualTo("2032-01-10T02:00:00Z");
        JsonNode profile = http.awaitGet("/api/v1/users/" + buyer,
                                         body -> body.path("loyaltyTier").asText().equals("BRONZE"));
        assertThat(profile.path("pointsBalance").asLong()).isEqualTo(120);
        http.awaitGet("/api/v1/users/" + referrer, body -> body.path("pointsBalance").asLong() == 0);

        new ProjectionCatchUp(processing, eventStore).await(Duration.ofSeconds(20));
        Response again = http.post(SWEEPS, "{\"asOf\": \"2032-01-11T02:00:00Z\"}");
        assertThat(again.body().path("candidates").asLong()).isZero();
    }

    @Test
    void aPurchaseWhosePointsWouldAlreadyHaveExpiredEarnsNothing() throws Exception {
        String referrer = registered(null, "2029-01-01T00:00:00Z");
        String buyer = registered(referrer, "2029-01-01T00:00:00Z");
        assertThat(http.post("/api/v1/users/" + buyer + "/purchases", """
                {"orderId": "o-old", "amount": {"amount": "500.00", "currency": "CNY"},
                 "occurredAt": "2029-06-01T00:00:00Z"}""").status()).isEqualTo(201);

        new ProjectionCatchUp(processing, eventStore).await(Duration.ofSeconds(20));

        assertThat(http.get("/api/v1/users/" + buyer + "/points").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/users/" + referrer + "/points").status()).isEqualTo(404);
    }

    @Test
    void aBadSweepBodyIs400NamingTheField() {
        Response badTime = http.post(SWEEPS, "{\"asOf\": \"next year\"}");

        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badTime.errorFields()).containsExactly("asOf");
        assertThat(http.post(SWEEPS, "{\"when\": \"2032-01-11T02:00:00Z\"}").status()).isEqualTo(400);
    }

    /** No purchases of its own: the sweep of the other test counts every user of the database. */
    @Test
    void thePolicyRunsOnAPooledProcessorThatClaimsItsFourSegments() {
        StreamingEventProcessor processor = processing.eventProcessor(LoyaltyPointsPolicy.PROCESSING_GROUP,
                                                                      StreamingEventProcessor.class).orElseThrow();

        assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processor.maxCapacity()).isEqualTo(4);
        Awaitility.await("four claimed segments").atMost(Duration.ofSeconds(20))
                  .until(() -> processor.processingStatus().size() == 4);
    }

    private String registered(String referrerId, String occurredAt) {
        String userId = "lp-" + UUID.randomUUID();
        String body = """
                {"userId": "%s", %s %s "channel": {"source": "friends", "medium": "referral", "campaign": "winter"}}"""
                .formatted(userId, referrerId == null ? "" : "\"referrerId\": \"" + referrerId + "\",",
                           occurredAt == null ? "" : "\"occurredAt\": \"" + occurredAt + "\",");
        assertThat(http.post("/api/v1/users", body).status()).isEqualTo(201);
        return userId;
    }

    private void purchase(String userId, String orderId, String amount, int status) {
        assertThat(http.post("/api/v1/users/" + userId + "/purchases", """
                {"orderId": "%s", "amount": {"amount": "%s", "currency": "CNY"}}""".formatted(orderId, amount))
                       .status()).isEqualTo(status);
    }

    private JsonNode ledgerOf(String userId, java.util.function.Predicate<JsonNode> ready) {
        return http.awaitGet("/api/v1/users/" + userId + "/points", ready);
    }

    private void moveClockTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private static String tier(JsonNode ledger) {
        return ledger.path("tier").asText();
    }

    private static List<String> kinds(JsonNode ledger) {
        List<String> kinds = new ArrayList<>();
        ledger.path("entries").forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }
}
