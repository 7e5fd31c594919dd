package dev.userlifecycle.app.query;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.points.PointsLedgerProjection;
import dev.userlifecycle.query.profile.UserProfileProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Resetting the projections' tracking processors replays the whole history into read models equal to the old ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReplayRebuildsTheReadModelsTest {

    private static final List<String> READ_MODELS = List.of(UserProfileProjection.COLLECTION, StoredFacts.COLLECTION,
                                                            "analytics", PointsLedgerProjection.COLLECTION);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @Autowired
    AnalyticsStore analytics;
    @Autowired
    CommandGateway commands;

    @Test
    void aReplayFromTheStartRebuildsEqualProfilesFactsAnalyticsAndPointsLedgers() throws InterruptedException {
        recordSomeHistory();
        new ProjectionCatchUp(processing, eventStore).await(Duration.ofSeconds(20));
        analytics.flush();
        Map<String, List<Document>> before = readModels();
        assertThat(before.get(StoredFacts.COLLECTION)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(before.get(PointsLedgerProjection.COLLECTION)).isNotEmpty();

        for (String group : List.of(UserProfileProjection.PROCESSING_GROUP, UserFactsProjection.PROCESSING_GROUP,
                                    PointsLedgerProjection.PROCESSING_GROUP)) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                                                          .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        new ProjectionCatchUp(processing, eventStore).await(Duration.ofSeconds(20));
        analytics.flush();

        assertThat(readModels()).isEqualTo(before);
    }

    private void recordSomeHistory() {
        Http http = new Http(rest);
        String referrer = "r-" + UUID.randomUUID();
        post(http, "/api/v1/users", registration(referrer, null, "2026-02-02"));
        for (int i = 0; i < 3; i++) {
            String userId = "u-" + UUID.randomUUID();
            post(http, "/api/v1/users", registration(userId, referrer, "2026-02-0" + (3 + i)));
            post(http, "/api/v1/users/" + userId + "/purchases", """
                    {"orderId": "o-%d", "amount": {"amount": "%d.90", "currency": "CNY"},
                     "occurredAt": "2026-02-1%dT04:00:00Z"}""".formatted(i, 10 + i, i));
            earnRedeemAndExpirePoints(http, userId, Instant.parse("2026-02-1" + i + "T05:00:00Z"));
        }
    }

    private void earnRedeemAndExpirePoints(Http http, String userId, Instant at) {
        commands.sendAndWait(new EarnPoints(userId, 1_000, "campaign", "campaign-" + userId, at,
                                            at.plusSeconds(86_400)));
        post(http, "/api/v1/users/" + userId + "/points/redemptions", """
                {"points": 30, "reason": "coupon", "occurredAt": "%s"}""".formatted(at.plusSeconds(60)));
        commands.sendAndWait(new ExpirePoints(userId, at.plusSeconds(86_400)));
    }

    private static void post(Http http, String path, String body) {
        assertThat(http.post(path, body).status()).isEqualTo(201);
    }

    private static String registration(String userId, String referrerId, String day) {
        return """
                {"userId": "%s", "occurredAt": "%sT02:00:00Z", %s
                 "channel": {"source": "friends", "medium": "referral", "campaign": "spring"}}"""
                .formatted(userId, day, referrerId == null ? "" : "\"referrerId\": \"" + referrerId + "\",");
    }

    private Map<String, List<Document>> readModels() {
        return READ_MODELS.stream().collect(java.util.stream.Collectors.toMap(
                name -> name,
                name -> database.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>())));
    }
}
