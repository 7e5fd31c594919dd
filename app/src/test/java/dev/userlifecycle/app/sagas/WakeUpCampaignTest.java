package dev.userlifecycle.app.sagas;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.deadlines.DueDeadlines;
import dev.userlifecycle.events.OutreachContactRecorded;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.WakeUpCampaignEnded;
import dev.userlifecycle.events.WakeUpCampaignEntered;
import dev.userlifecycle.events.WakeUpOutcome;
import dev.userlifecycle.eventstore.testing.MutableClock;
import dev.userlifecycle.sagas.wakeup.WakeUpSaga;
import dev.userlifecycle.sagas.wakeup.WakeUpSettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A wake-up campaign in the running application, over HTTP, with the saga in MongoDB and its steps as JobRunr
 * deadlines. The clock is moved instead of waiting: by 31 days for users to go dormant, then by days within the
 * campaign, each time handing JobRunr the deadlines due by then. The sweep concerns every active user of the
 * database, so the app gets a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecycle.mongo.database=wakeup_${random.uuid}")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WakeUpCampaignTest {

    /** 10:00 in Shanghai, outside the quiet hours; far enough ahead that JobRunr finds nothing due by itself. */
    private static final Instant START = Instant.parse("2030-03-04T02:00:00Z");
    private static final Instant DORMANT_AT = START.plus(Duration.ofDays(30));
    private static final String CAMPAIGN = WakeUpSaga.campaignIdOf(DORMANT_AT);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MutableClock clock;

    @Autowired
    StorageProvider jobs;

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoTemplate axonMongo;

    @Autowired
    WakeUpSettings settings;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theSagaRunsInATrackingProcessorOfItsOwnAndIsStoredInMongoDb() {
        SagaConfiguration<WakeUpSaga> saga = processing.sagaConfiguration(WakeUpSaga.class);

        assertThat(saga.processingGroup()).isEqualTo("wake-up-saga");
        assertThat(processing.eventProcessor("wake-up-saga", TrackingEventProcessor.class)).isPresent();
        assertThat(saga.store()).isInstanceOf(MongoSagaStore.class);
        assertThat(saga.eventProcessor().getName()).isEqualTo("wake-up-saga");
    }

    @Test
    void aDormantUserIsContactedStepByStepUntilTheyReturnAndAHoldoutUserOnlyGetsTheWindow() {
        Http http = new Http(rest);
        String treated = user(false);
        String holdout = user(true);
        for (String userId : List.of(treated, holdout)) {
            register(http, userId);
        }

        clock.advance(Duration.ofDays(31));
        assertThat(http.post("/api/v1/admin/dormancy/sweeps", "{}").body().path("marked").asLong()).isEqualTo(2);

        JsonNode sms = awaitMessages(http, treated, 1).get(0);
        assertThat(sms.path("step").asText()).isEqualTo("sms");
        assertThat(sms.path("channel").asText()).isEqualTo("SMS");
        assertThat(sms.path("template").asText()).isEqualTo("wake-up-sms");
        assertThat(sms.path("campaignId").asText()).isEqualTo(CAMPAIGN);
        await(() -> eventsOf(holdout).stream().anyMatch(e -> e instanceof WakeUpCampaignEntered entered
                && entered.holdout()), "the holdout user entered the campaign");
        assertThat(sagas()).as("both sagas stored in MongoDB").isEqualTo(2);

        clock.advance(Duration.ofDays(2));
        DueDeadlines.release(jobs, clock.instant());

        assertThat(awaitMessages(http, treated, 2).get(0).path("step").asText()).isEqualTo("push");
        assertThat(eventsOf(treated)).filteredOn(OutreachContactRecorded.class::isInstance).hasSize(2);

        assertThat(http.post("/api/v1/users/" + treated + "/activities", "{\"kind\": \"LOGIN\"}").status())
                .isEqualTo(202);
        WakeUpCampaignEnded reactivated = new WakeUpCampaignEnded(treated, CAMPAIGN, WakeUpOutcome.REACTIVATED,
                                                                  clock.instant());
        // the saga's end and the command it sent are stored as its unit of work commits, in no fixed order
        await(() -> sagas() == 1 && eventsOf(treated).contains(reactivated), "the treated user's saga ended");
        assertThat(eventsOf(treated)).contains(new UserReactivated(treated, CAMPAIGN, clock.instant()), reactivated);

        clock.advance(Duration.ofDays(5));
        assertThat(DueDeadlines.release(jobs, clock.instant()))
                .as("only the holdout user's window end: the treated user's call and window end were cancelled")
                .isEqualTo(1);

        await(() -> eventsOf(holdout).contains(new WakeUpCampaignEnded(holdout, CAMPAIGN, WakeUpOutcome.EXPIRED,
                                                                       START.plus(Duration.ofDays(38)))),
              "the holdout user's campaign expired at the window end");
        assertThat(sagas()).isZero();
        assertThat(http.get("/api/v1/outreach/messages?userId=" + holdout).body()).isEmpty();
        assertThat(http.get("/api/v1/outreach/messages?userId=" + treated).body()).hasSize(2);
        assertThat(eventsOf(treated)).filteredOn(WakeUpCampaignEnded.class::isInstance).hasSize(1);
    }

    /** A user id that does, or does not, fall in the holdout group of the campaign. */
    private String user(boolean inHoldout) {
        String userId;
        do {
            userId = "wu-" + UUID.randomUUID();
        } while (settings.inHoldout(userId, CAMPAIGN) != inHoldout);
        return userId;
    }

    private void register(Http http, String userId) {
        assertThat(http.post("/api/v1/users", """
                {"userId": "%s", "channel": {"source": "app-store"},
                 "consents": {"sms": true, "push": true, "email": false}}""".formatted(userId)).status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/users/" + userId + "/activation", "{}").status()).isBetween(200, 204);
        assertThat(http.post("/api/v1/users/" + userId + "/activities", "{\"kind\": \"LOGIN\"}").status())
                .isEqualTo(202);
        http.awaitGet("/api/v1/users/" + userId, body -> body.path("status").asText().equals("ACTIVE"));
    }

    /** The user's recorded messages, newest first, once there are {@code count}. */
    private JsonNode awaitMessages(Http http, String userId, int count) {
        return http.awaitGet("/api/v1/outreach/messages?userId=" + userId, body -> body.size() == count);
    }

    private List<Object> eventsOf(String userId) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(userId).asStream().map(EventMessage::getPayload).forEach(payloads::add);
        return payloads;
    }

    private long sagas() {
        return axonMongo.sagaCollection().countDocuments(Filters.eq("sagaType", WakeUpSaga.class.getName()));
    }

    private static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail(what + " did not happen within " + TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }
}
