package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.UserProfile;
import dev.userlifecycle.events.UserStatus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserProfileApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    QueryGateway queryGateway;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void theProfileFollowsRegistrationActivationAndAPurchase() throws InterruptedException {
        String userId = newUserId();
        assertThat(http.post("/api/v1/users", registration(userId)).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/users/" + userId + "/activation", "{}").status()).isBetween(200, 204);
        assertThat(http.post("/api/v1/users/" + userId + "/purchases", purchase("o-1", "12.50")).status())
                .isEqualTo(201);

        JsonNode profile = http.awaitGet("/api/v1/users/" + userId, body -> body.path("purchaseCount").asLong() == 1);

        assertThat(profile.path("userId").asText()).isEqualTo(userId);
        assertThat(profile.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(profile.path("registeredAt").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(profile.path("activatedAt").isNull()).isFalse();
        assertThat(profile.path("lastActiveAt").isNull()).isFalse();
        assertThat(profile.path("totalSpent").path("amount").asText()).isEqualTo("12.50");
        assertThat(profile.path("totalSpent").path("currency").asText()).isEqualTo("CNY");
        assertThat(profile.path("averageOrderValue").path("amount").asText()).isEqualTo("12.50");
        assertThat(profile.path("loyaltyTier").asText()).isEqualTo("BRONZE");
        assertThat(profile.path("referrals").asLong()).isZero();
        assertThat(profile.path("position").isIntegralNumber()).isTrue();
    }

    @Test
    void anUnknownUserIs404Problem() {
        Response response = http.get("/api/v1/users/" + newUserId());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aSubscriptionQueryReceivesTheUpdateOfAPurchase() {
        String userId = newUserId();
        assertThat(http.post("/api/v1/users", registration(userId)).status()).isEqualTo(201);
        http.awaitGet("/api/v1/users/" + userId, body -> true);

        try (SubscriptionQueryResult<UserProfile, UserProfile> result = queryGateway.subscriptionQuery(
                new FindUserProfile(userId), UserProfile.class, UserProfile.class)) {
            UserProfile initial = result.initialResult().block(Duration.ofSeconds(10));
            assertThat(initial).isNotNull();
            assertThat(initial.status()).isEqualTo(UserStatus.REGISTERED);

            assertThat(http.post("/api/v1/users/" + userId + "/purchases", purchase("o-1", "30.00")).status())
                    .isEqualTo(201);

            UserProfile updated = result.updates()
                                        .filter(profile -> profile.purchaseCount() == 1)
                                        .blockFirst(Duration.ofSeconds(10));
            assertThat(updated).isNotNull();
            assertThat(updated.userId()).isEqualTo(userId);
            assertThat(updated.totalSpent()).isEqualTo(Money.of("30.00", "CNY"));
        }
    }

    private static String newUserId() {
        return "u-" + UUID.randomUUID();
    }

    private static String registration(String userId) {
        return """
                {"userId": "%s", "occurredAt": "2026-03-01T00:00:00Z",
                 "channel": {"source": "app-store", "medium": "cpc", "campaign": "spring"},
                 "consents": {"sms": true, "push": true, "email": false}}""".formatted(userId);
    }

    private static String purchase(String orderId, String amount) {
        return "{\"orderId\": \"%s\", \"amount\": {\"amount\": \"%s\", \"currency\": \"CNY\"}}".formatted(orderId, amount);
    }
}
