package dev.userlifecycle.app.query;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.WakeUpOutcome;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.incidents.IncidentProjection;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resetting the projections' tracking processors replays the whole history (registrations, purchases, points,
 * dormancy, wake-up campaigns, an incident) into read models equal to the old ones.
 */
// no sagas role: the history is written by the test alone, without campaigns, apologies or points of the sagas
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=replay_${random.uuid}", "lifecycle.roles=command,query"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplayRebuildsTheReadModelsTest {

    private static final List<String> READ_MODELS = List.of(UserProfileProjection.COLLECTION, StoredFacts.COLLECTION,
                                                            "analytics", PointsLedgerProjection.COLLECTION,
                                                            IncidentProjection.COLLECTION,
                                                            IncidentProjection.AFFECTED_USERS);

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
    void aReplayFromTheStartRebuildsEqualProfilesFactsAnalyticsPointsLedgersAndIncidents() throws InterruptedException {
        recordSomeHistory();
        new ProjectionCatchUp(processing, eventStore).await(Duration.ofSeconds(20));
        analytics.flush();
        Map<String, List<Document>> before = readModels();
        assertThat(before.get(StoredFacts.COLLECTION)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(before.get(PointsLedgerProjection.COLLECTION)).isNotEmpty();
        assertThat(before.get(IncidentProjection.COLLECTION)).isNotEmpty();
        assertThat(before.get("analytics")).extracting(document -> document.getString("_id"))
                                           .anyMatch(id -> id.startsWith("wakeup:"))
                                           .anyMatch(id -> id.startsWith("dormancy:"));

        for (String group : List.of(UserProfileProjection.PROCESSING_GROUP, UserFactsProjection.PROCESSING_GROUP,
                                    PointsLedgerProjection.PROCESSING_GROUP, IncidentProjection.PROCESSING_GROUP)) {
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
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String userId = "u-" + UUID.randomUUID();
            post(http, "/api/v1/users", registration(userId, referrer, "2026-02-0" + (3 + i)));
            post(http, "/api/v1/users/" + userId + "/purchases", """
                    {"orderId": "o-%d", "amount": {"amount": "%d.90", "currency": "CNY"},
                     "occurredAt": "2026-02-1%dT04:00:00Z"}""".formatted(i, 10 + i, i));
            earnRedeemAndExpirePoints(http, userId, Instant.parse("2026-02-1" + i + "T05:00:00Z"));
            users.add(userId);
        }
        declareAnIncident(http, users);
        for (int i = 0; i < users.size(); i++) {
            goDormantAndEnterAWakeUpCampaign(users.get(i), i);
        }
    }

    private void declareAnIncident(Http http, List<String> users) {
        String incidentId = "inc-" + UUID.randomUUID();
        Instant declared = Instant.parse("2026-03-01T02:00:00Z");
        post(http, "/api/v1/incidents", """
                {"incidentId": "%s", "title": "Checkout down", "severity": "MEDIUM", "occurredAt": "%s",
                 "affectedUserIds": ["%s"]}""".formatted(incidentId, declared, String.join("\", \"", users)));
        for (String userId : users) {
            commands.sendAndWait(new RecordApologySent(incidentId, userId, declared.plusSeconds(60)));
        }
        commands.sendAndWait(new RecordIncidentCompensation(incidentId, users.get(0), 200, declared.plusSeconds(120)));
    }

    /** The first reactivated, the second in the holdout group and expired, the third still open. */
    private void goDormantAndEnterAWakeUpCampaign(String userId, int i) {
        Instant at = Instant.parse("2026-04-01T02:00:00Z");
        String campaignId = "wake-" + userId;
        commands.sendAndWait(new MarkUserDormant(userId, at, Duration.ofDays(30)));
        commands.sendAndWait(new EnterWakeUpCampaign(userId, campaignId, i == 1, at));
        commands.sendAndWait(ContactUser.on(userId, campaignId, "call", Channel.CALL, null, at.plusSeconds(60)));
        commands.sendAndWait(ContactUser.on(userId, campaignId, "sms", Channel.SMS, null, at.plusSeconds(120)));
        if (i < 2) {
            WakeUpOutcome outcome = i == 0 ? WakeUpOutcome.REACTIVATED : WakeUpOutcome.EXPIRED;
            commands.sendAndWait(new EndWakeUpCampaign(userId, campaignId, outcome, at.plus(Duration.ofDays(3))));
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
