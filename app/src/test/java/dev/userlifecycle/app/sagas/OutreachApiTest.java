package dev.userlifecycle.app.sagas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.outreach.OutreachReceipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutreachApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    OutreachGateway outreach;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void aMessageSentThroughTheGatewayIsListedOnceForItsUser() {
        String userId = "u-" + UUID.randomUUID();
        OutreachMessage message = OutreachMessage.of("saga-" + userId, "day-1", userId, "wake-up", Channel.SMS,
                                                     "wake-up-day-1", Map.of("coupon", "SPRING10"),
                                                     Instant.parse("2026-03-01T09:30:00Z"));

        assertThat(outreach.send(message).status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(outreach.send(message).status()).isEqualTo(OutreachReceipt.Status.ALREADY_DELIVERED);
        Response response = http.get("/api/v1/outreach/messages?userId=" + userId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).hasSize(1);
        JsonNode listed = response.body().get(0);
        assertThat(listed.path("idempotencyKey").asText()).isEqualTo("saga-" + userId + ":day-1");
        assertThat(listed.path("userId").asText()).isEqualTo(userId);
        assertThat(listed.path("campaignId").asText()).isEqualTo("wake-up");
        assertThat(listed.path("channel").asText()).isEqualTo("SMS");
        assertThat(listed.path("parameters").path("coupon").asText()).isEqualTo("SPRING10");
        assertThat(listed.path("occurredAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(listed.path("recordedAt").isTextual()).isTrue();
    }

    @Test
    void aLimitOutOfRangeIs400ProblemNamingTheLimit() {
        Response response = http.get("/api/v1/outreach/messages?limit=501");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("limit");
    }

    @Test
    void aLimitThatIsNotANumberIs400Problem() {
        Response response = http.get("/api/v1/outreach/messages?limit=many");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("limit");
    }
}
