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
    void eventsAreStoredByTheProjectsMongoEngine() {
        assertThat(eventStorageEngine).isInstanceOf(MongoEventStorageEngine.class);
    }
}
