package dev.userlifecycle.app;

import dev.userlifecycle.eventstore.MongoEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServiceStartsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStorageEngine eventStorageEngine;

    @Test
    void healthIsUpWithTheDatabaseAndNeedsNoCredentials() {
        ResponseEntity<Map<String, Object>> health = http.exchange(
                "/actuator/health", org.springframework.http.HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<>() {
                });

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
        assertThat(((Map<?, ?>) health.getBody().get("components")).containsKey("mongo")).isTrue();
    }

    @Test
    void theOpenApiDocumentPublishesTheCommandsWithTheIdempotencyKeyAndSwaggerUiServesIt() {
        ResponseEntity<String> apiDocs = http.getForEntity("/v3/api-docs", String.class);
        ResponseEntity<String> swaggerUi = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(apiDocs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(apiDocs.getBody()).contains("/api/v1/users/{userId}/purchases", "/api/v1/incidents",
                                               "/api/v1/users/{userId}/points/redemptions", "Idempotency-Key");
        assertThat(swaggerUi.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void axonMessagesAreTimedByComponentAndOutcomeOnceACommandSucceeded() {
        Http client = new Http(http);
        Http.Response registered = client.post("/api/v1/users", "{\"userId\": \"metrics-" + java.util.UUID.randomUUID()
                                                                + "\", \"channel\": {\"source\": \"ads\"}}");
        assertThat(registered.status()).isEqualTo(201);

        for (String component : java.util.List.of("commandBus", "eventStore", "user-profiles")) {
            client.awaitGet("/actuator/metrics/axon.messages?tag=outcome:success&tag=component:" + component,
                            metric -> metric.path("measurements").get(0).path("value").asDouble() >= 1);
        }
        assertThat(client.get("/actuator/metrics/commandBus.successCounter").status()).isEqualTo(404);
    }

    @Test
    void eventsAreStoredByTheProjectsMongoEngine() {
        assertThat(eventStorageEngine).isInstanceOf(MongoEventStorageEngine.class);
    }
}
