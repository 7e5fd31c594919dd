package dev.userlifecycle.app.query;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.ProjectionCatchUp;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        new LifecycleHistory(new Http(rest), commands).record(3);
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

    private Map<String, List<Document>> readModels() {
        return READ_MODELS.stream().collect(java.util.stream.Collectors.toMap(
                name -> name,
                name -> database.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>())));
    }
}
