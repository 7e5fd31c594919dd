package dev.userlifecycle.app.web;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.eventstore.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyKeyLifetimeTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MutableClock clock;

    @Autowired
    IdempotencyRetention retention;

    @Autowired
    MongoDatabase database;

    @Test
    void aKeyIsForgottenAfterTheRetentionPeriod() {
        Http http = new Http(rest);
        String key = UUID.randomUUID().toString();

        assertThat(http.post("/api/v1/users", registration(), key).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(25));
        retention.sweep();

        assertThat(http.post("/api/v1/users", registration(), key).status())
                .as("a new request under the forgotten key runs").isEqualTo(201);
    }

    @Test
    void aKeyLeftPendingByACrashIsFreeAgainAfterAMinute() {
        Http http = new Http(rest);
        String key = UUID.randomUUID().toString();
        String body = registration();
        database.getCollection("idempotency_keys").insertOne(
                new Document("_id", TestApiKeys.OWNER + " POST /api/v1/users " + key)
                        .append("requestHash", "whatever").append("status", 0)
                        .append("createdAt", Date.from(clock.instant())));

        assertThat(http.post("/api/v1/users", body, key).status()).isEqualTo(409);
        clock.advance(Duration.ofMinutes(2));
        assertThat(http.post("/api/v1/users", body, key).status()).isEqualTo(201);
    }

    private static String registration() {
        return "{\"userId\": \"u-" + UUID.randomUUID() + "\", \"channel\": {\"source\": \"ads\"}}";
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }
}
