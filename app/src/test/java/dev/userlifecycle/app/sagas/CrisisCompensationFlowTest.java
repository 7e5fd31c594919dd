package dev.userlifecycle.app.sagas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.deadlines.DueDeadlines;
import dev.userlifecycle.eventstore.testing.MutableClock;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.IncidentMilestoneMissed;
import dev.userlifecycle.events.IncidentMilestoneReached;
import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.outreach.OutreachReceipt;
import dev.userlifecycle.sagas.outreach.RecordingOutreachGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crisis-compensation saga in the running service: an incident declared over HTTP is made good for every affected
 * user, and an apology that cannot be delivered shows as a missed SLA once the clock passes its due time. The clock is
 * moved, never waited for; the deadlines due by then are handed to JobRunr with {@link DueDeadlines}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrisisCompensationFlowTest {

    private static final String UNREACHABLE = "down-";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EventStore eventStore;

    @Autowired
    StorageProvider jobRunrStorage;

    @Autowired
    MutableClock clock;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void everyAffectedUserGetsAnApologyAndCompensationAndTheIncidentClosesWithBothSlasMet() throws Exception {
        String withSms = register("crisis-sms-", "{\"sms\": true, \"push\": false, \"email\": false}");
        String withoutConsent = register("crisis-none-", "{\"sms\": false, \"push\": false, \"email\": false}");

        String incidentId = declare("HIGH", withSms, withoutConsent);

        JsonNode messages = http.awaitGet("/api/v1/outreach/messages?campaignId=" + incidentId,
                                          body -> body.size() == 2);
        assertThat(messages.findValuesAsText("channel")).containsExactlyInAnyOrder("SMS", "CALL");
        List<Object> events = awaitIncidentEvents(incidentId, payloads -> payloads.stream()
                .anyMatch(IncidentClosed.class::isInstance));
        assertThat(events).filteredOn(IncidentMilestoneReached.class::isInstance)
                          .extracting(event -> ((IncidentMilestoneReached) event).met())
                          .containsExactly(true, true);
        http.awaitGet("/api/v1/users/" + withoutConsent + "/points",
                      body -> body.path("balance").asLong() == 200);
    }

    @Test
    void anApologyThatCannotBeDeliveredIsRecordedAsAMissedSlaWhenTwoHoursHavePassed() throws Exception {
        String reachable = register("crisis-ok-", "{\"sms\": true, \"push\": false, \"email\": false}");
        String unreachable = register(UNREACHABLE, "{\"sms\": true, \"push\": false, \"email\": false}");

        String incidentId = declare("LOW", reachable, unreachable);
        awaitIncidentEvents(incidentId, payloads -> payloads.stream().anyMatch(
                event -> event instanceof IncidentMilestoneReached reached
                        && reached.milestone() == IncidentMilestone.COMPENSATION));
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(DueDeadlines.release(jobRunrStorage, clock.instant())).isPositive();

        List<Object> events = awaitIncidentEvents(incidentId, payloads -> payloads.stream()
                .anyMatch(IncidentMilestoneMissed.class::isInstance));
        assertThat(events).filteredOn(IncidentMilestoneMissed.class::isInstance)
                          .extracting(event -> ((IncidentMilestoneMissed) event).milestone())
                          .containsExactly(IncidentMilestone.APOLOGY);
        assertThat(events).noneMatch(IncidentClosed.class::isInstance);
    }

    private String register(String prefix, String consents) {
        String userId = prefix + UUID.randomUUID();
        assertThat(http.post("/api/v1/users", "{\"userId\": \"" + userId + "\", \"channel\": {\"source\": \"ads\"},"
                + " \"consents\": " + consents + "}").status()).isEqualTo(201);
        return userId;
    }

    private String declare(String severity, String... userIds) {
        String incidentId = "inc-" + UUID.randomUUID();
        String affected = String.join("\", \"", userIds);
        assertThat(http.post("/api/v1/incidents", "{\"incidentId\": \"" + incidentId + "\", \"title\": \"checkout down\","
                + " \"severity\": \"" + severity + "\", \"affectedUserIds\": [\"" + affected + "\"]}").status())
                .isEqualTo(201);
        return incidentId;
    }

    private List<Object> awaitIncidentEvents(String incidentId, Predicate<List<Object>> ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Object> payloads;
        do {
            payloads = eventStore.readEvents(incidentId).asStream().map(DomainEventMessage::getPayload)
                                 .map(Object.class::cast).toList();
            if (ready.test(payloads)) {
                return payloads;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("incident " + incidentId + " not as expected within " + TIMEOUT + ": " + payloads);
    }

    @TestConfiguration
    static class MovableClockAndFlakyOutreach {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }

        /** Delivers like the recording adapter, except to users whose provider is down. */
        @Bean
        @Primary
        OutreachGateway flakyOutreach(RecordingOutreachGateway recording, MutableClock clock) {
            return message -> message.userId().startsWith(UNREACHABLE)
                    ? failed(message, clock.instant())
                    : recording.send(message);
        }

        private static OutreachReceipt failed(OutreachMessage message, Instant at) {
            return new OutreachReceipt(message.idempotencyKey(), OutreachReceipt.Status.FAILED, 4, at, "HTTP 503");
        }
    }
}
