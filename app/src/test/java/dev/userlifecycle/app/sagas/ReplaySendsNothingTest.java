package dev.userlifecycle.app.sagas;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.sagas.outreach.RecordingOutreachGateway;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying the history rebuilds read models and never reaches a user again: saga processors refuse a reset, and
 * every processor that accepts one is replayed to the head without a new message or a new event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecycle.mongo.database=replay_sends_${random.uuid}")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplaySendsNothingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoDatabase database;

    @Test
    void aReplayOfTheWholeHistorySendsNoMessageAndRecordsNoEvent() throws InterruptedException {
        Http http = new Http(rest);
        String userId = "replay-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/users", "{\"userId\": \"" + userId + "\", \"channel\": {\"source\": \"ads\"},"
                + " \"consents\": {\"sms\": true, \"push\": true, \"email\": false}}").status()).isEqualTo(201);
        String incidentId = "inc-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/incidents", "{\"incidentId\": \"" + incidentId + "\", \"title\": \"outage\","
                + " \"severity\": \"LOW\", \"affectedUserIds\": [\"" + userId + "\"]}").status()).isEqualTo(201);
        http.awaitGet("/api/v1/outreach/messages?userId=" + userId, body -> body.size() == 1);
        awaitClosed(incidentId);
        ProjectionCatchUp catchUp = new ProjectionCatchUp(processing, eventStore);
        long headBefore = catchUp.await(TIMEOUT);
        long messagesBefore = messages();

        int replayed = 0;
        int sagas = 0;
        for (Map.Entry<String, StreamingEventProcessor> entry : catchUp.processors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            if (entry.getKey().endsWith("SagaProcessor")) {
                assertThat(processor.supportsReset()).as("%s accepts a reset", entry.getKey()).isFalse();
                sagas++;
            }
            if (processor.supportsReset()) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                replayed++;
            }
        }
        assertThat(sagas).as("saga processors").isPositive();
        assertThat(replayed).as("processors replayed").isPositive();
        catchUp.await(TIMEOUT);

        assertThat(messages()).as("outreach messages after the replay").isEqualTo(messagesBefore);
        assertThat(catchUp.head()).as("head of the event store after the replay").isEqualTo(headBefore);
    }

    private void awaitClosed(String incidentId) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (eventStore.readEvents(incidentId).asStream()
                         .noneMatch(event -> event.getPayload() instanceof IncidentClosed)) {
            assertThat(System.nanoTime()).as("incident closed in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long messages() {
        return database.getCollection(RecordingOutreachGateway.COLLECTION).countDocuments(new Document());
    }
}
