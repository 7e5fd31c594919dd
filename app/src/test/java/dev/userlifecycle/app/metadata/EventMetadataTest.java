package dev.userlifecycle.app.metadata;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.deadlines.DueDeadlines;
import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.CompensationGranted;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EarnPurchasePoints;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.IncidentApologySent;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.OutreachContactRecorded;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.events.WakeUpCampaignEntered;
import dev.userlifecycle.eventstore.testing.MutableClock;
import dev.userlifecycle.sagas.loyalty.ScheduledPointsExpirySweep;
import dev.userlifecycle.sagas.wakeup.WakeUpSaga;
import dev.userlifecycle.sagas.wakeup.WakeUpSettings;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every stored event says who caused it, from where, and in which chain: read back from the event store for each
 * source. The commands between the events are recorded on their way into the command bus, so that each link of a
 * chain can be checked: an event's {@code causationId} is its command's id, a saga's command's is the event the saga
 * saw, and the {@code correlationId} of the request that started it all runs through to the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecycle.mongo.database=metadata_${random.uuid}")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventMetadataTest {

    /** 10:00 in Shanghai, outside the quiet hours; far enough ahead that JobRunr finds nothing due by itself. */
    private static final Instant START = Instant.parse("2031-03-04T02:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EventStore eventStore;

    @Autowired
    MutableClock clock;

    @Autowired
    StorageProvider jobs;

    @Autowired
    WakeUpSettings wakeUp;

    @Autowired
    ScheduledPointsExpirySweep scheduledExpirySweep;

    @Autowired
    CommandRecorder commands;

    @Test
    void theEventsOfARequestCarryTheKeysOwnerAndTheRequestsCorrelationIdAndAreCausedByItsCommand() {
        Http frontend = new Http(rest).withKey(TestApiKeys.only("frontend"));
        String userId = "meta-" + UUID.randomUUID();

        Http.Response response = post(frontend, "/api/v1/users", registration(userId), "checkout-7f1c");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().getFirst(CorrelationIdFilter.HEADER)).isEqualTo("checkout-7f1c");
        DomainEventMessage<?> registered = event(userId, UserRegistered.class);
        CommandMessage<?> command = commands.of(RegisterUser.class, c -> c.userId().equals(userId));
        assertThat(registered.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "test-frontend")
                                            .containsEntry(AuditMetadata.SOURCE, AuditMetadata.API)
                                            .containsEntry(AuditMetadata.CORRELATION_ID, "checkout-7f1c")
                                            .containsEntry(AuditMetadata.CAUSATION_ID, command.getIdentifier());
    }

    @Test
    void aRequestWithoutAValidCorrelationIdGetsANewOneInTheAnswerAndOnItsEvents() {
        Http frontend = new Http(rest).withKey(TestApiKeys.only("frontend"));
        String userId = "meta-" + UUID.randomUUID();

        Http.Response response = post(frontend, "/api/v1/users", registration(userId), "not valid: spaces");

        String given = response.headers().getFirst(CorrelationIdFilter.HEADER);
        assertThat(given).isNotBlank().isNotEqualTo("not valid: spaces");
        assertThat(event(userId, UserRegistered.class).getMetaData())
                .containsEntry(AuditMetadata.CORRELATION_ID, given);
        assertThat(frontend.withoutKey().get("/api/v1/users/" + userId).headers()
                           .getFirst(CorrelationIdFilter.HEADER))
                .as("a refused request is answered with a correlation id too").isNotBlank();
    }

    @Test
    void thePolicyTheSweepsAndTheSagaWithItsDeadlinesRecordThemselvesAndCarryTheCorrelationOn() {
        Http frontend = new Http(rest).withKey(TestApiKeys.only("frontend"));
        Http admin = new Http(rest).withKey(TestApiKeys.only("admin"));
        String campaign = WakeUpSaga.campaignIdOf(clock.instant().plus(Duration.ofDays(30)));
        String userId = outsideTheHoldout(campaign);
        assertThat(post(frontend, "/api/v1/users", registration(userId), "signup-1").status()).isEqualTo(201);
        assertThat(post(frontend, "/api/v1/users/" + userId + "/purchases", """
                {"orderId": "o-1", "amount": {"amount": "120.00", "currency": "CNY"}}""", "buy-1").status())
                .isEqualTo(201);

        // the loyalty policy reacts to the purchase
        DomainEventMessage<?> purchase = event(userId, PurchaseMade.class);
        DomainEventMessage<?> earned = awaitEvent(userId, PointsEarned.class);
        CommandMessage<?> earn = commands.of(EarnPurchasePoints.class, c -> c.userId().equals(userId));
        assertThat(earn.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "policy:loyalty-points")
                                      .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA)
                                      .containsEntry(AuditMetadata.CORRELATION_ID, "buy-1")
                                      .containsEntry(AuditMetadata.CAUSATION_ID, purchase.getIdentifier());
        assertThat(earned.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "policy:loyalty-points")
                                        .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA)
                                        .containsEntry(AuditMetadata.CORRELATION_ID, "buy-1")
                                        .containsEntry(AuditMetadata.CAUSATION_ID, earn.getIdentifier());

        // an admin runs the dormancy sweep: the sweep's commands are theirs
        clock.advance(Duration.ofDays(31));
        assertThat(post(admin, "/api/v1/admin/dormancy/sweeps", "{}", "sweep-1").status()).isEqualTo(200);
        DomainEventMessage<?> dormant = event(userId, UserWentDormant.class);
        assertThat(dormant.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "test-admin")
                                         .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SWEEP)
                                         .containsEntry(AuditMetadata.CORRELATION_ID, "sweep-1");

        // the wake-up saga reacts to the dormancy
        DomainEventMessage<?> entered = awaitEvent(userId, WakeUpCampaignEntered.class);
        CommandMessage<?> enter = commands.of(EnterWakeUpCampaign.class, c -> c.userId().equals(userId));
        assertThat(enter.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "saga:wake-up")
                                       .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA)
                                       .containsEntry(AuditMetadata.CORRELATION_ID, "sweep-1")
                                       .containsEntry(AuditMetadata.CAUSATION_ID, dormant.getIdentifier());
        assertThat(entered.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "saga:wake-up")
                                         .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA)
                                         .containsEntry(AuditMetadata.CORRELATION_ID, "sweep-1")
                                         .containsEntry(AuditMetadata.CAUSATION_ID, enter.getIdentifier());

        // two days later the push step runs from a deadline of the saga
        clock.advance(Duration.ofDays(2));
        DueDeadlines.release(jobs, clock.instant());
        DomainEventMessage<?> push = awaitEvent(userId, OutreachContactRecorded.class,
                                                event -> ((OutreachContactRecorded) event).step().equals("push"));
        CommandMessage<?> contact = commands.of(ContactUser.class,
                                                c -> c.userId().equals(userId) && c.step().equals("push"));
        assertThat(contact.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "saga:wake-up")
                                         .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA)
                                         .containsEntry(AuditMetadata.CORRELATION_ID, "sweep-1")
                                         .as("caused by the deadline message, not by the dormancy")
                                         .containsKey(AuditMetadata.CAUSATION_ID)
                                         .doesNotContainEntry(AuditMetadata.CAUSATION_ID, dormant.getIdentifier());
        assertThat(push.getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "saga:wake-up")
                                      .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA)
                                      .containsEntry(AuditMetadata.CORRELATION_ID, "sweep-1")
                                      .containsEntry(AuditMetadata.CAUSATION_ID, contact.getIdentifier());

        // a year later the scheduled points expiry sweep expires the purchase's points
        frontend.withKey(TestApiKeys.EVERY_ROLE).awaitGet("/api/v1/users/" + userId + "/points",
                                                          body -> body.path("balance").asLong() > 0);
        clock.advance(Duration.ofDays(400));
        scheduledExpirySweep.run();
        MetaData expired = event(userId, PointsExpired.class).getMetaData();
        assertThat(expired).containsEntry(AuditMetadata.PRINCIPAL, "sweep:points-expiry")
                           .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SWEEP)
                           .containsKey(AuditMetadata.CORRELATION_ID);

        assertThat(eventStore.readEvents(userId).asStream().toList())
                .as("every event of the user carries all four keys")
                .allSatisfy(event -> assertThat(event.getMetaData()).containsKeys(
                        AuditMetadata.PRINCIPAL, AuditMetadata.SOURCE, AuditMetadata.CORRELATION_ID,
                        AuditMetadata.CAUSATION_ID));
    }

    @Test
    void theCrisisSagaRecordsItselfNotTheAdminWhoDeclaredTheIncident() {
        Http frontend = new Http(rest).withKey(TestApiKeys.only("frontend"));
        Http admin = new Http(rest).withKey(TestApiKeys.only("admin"));
        String userId = "meta-" + UUID.randomUUID();
        String incidentId = "incident-" + UUID.randomUUID();
        assertThat(post(frontend, "/api/v1/users", registration(userId), null).status()).isEqualTo(201);

        assertThat(post(admin, "/api/v1/incidents", """
                {"incidentId": "%s", "title": "Payment outage", "severity": "LOW", "affectedUserIds": ["%s"]}
                """.formatted(incidentId, userId), "outage-1").status()).isEqualTo(201);

        assertThat(event(incidentId, IncidentDeclared.class).getMetaData())
                .containsEntry(AuditMetadata.PRINCIPAL, "test-admin")
                .containsEntry(AuditMetadata.SOURCE, AuditMetadata.API)
                .containsEntry(AuditMetadata.CORRELATION_ID, "outage-1");
        for (MetaData sagas : List.of(awaitEvent(userId, CompensationGranted.class).getMetaData(),
                                      awaitEvent(userId, OutreachContactRecorded.class).getMetaData(),
                                      awaitEvent(incidentId, IncidentApologySent.class).getMetaData())) {
            assertThat(sagas).containsEntry(AuditMetadata.PRINCIPAL, "saga:crisis-compensation")
                             .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA)
                             .containsEntry(AuditMetadata.CORRELATION_ID, "outage-1");
        }
    }

    private static String registration(String userId) {
        return """
                {"userId": "%s", "channel": {"source": "app-store"},
                 "consents": {"sms": true, "push": true, "email": false}}""".formatted(userId);
    }

    private String outsideTheHoldout(String campaign) {
        String userId;
        do {
            userId = "meta-" + UUID.randomUUID();
        } while (wakeUp.inHoldout(userId, campaign));
        return userId;
    }

    private static Http.Response post(Http http, String path, String body, String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        if (correlationId != null) {
            headers.set(CorrelationIdFilter.HEADER, correlationId);
        }
        return http.send(HttpMethod.POST, path, body, headers);
    }

    private DomainEventMessage<?> event(String aggregateId, Class<?> type) {
        return find(aggregateId, type, event -> true)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + aggregateId));
    }

    private DomainEventMessage<?> awaitEvent(String aggregateId, Class<?> type) {
        return awaitEvent(aggregateId, type, event -> true);
    }

    private DomainEventMessage<?> awaitEvent(String aggregateId, Class<?> type, Predicate<Object> which) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            Optional<DomainEventMessage<?>> found = find(aggregateId, type, which);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("no " + type.getSimpleName() + " in " + aggregateId + " within " + TIMEOUT);
    }

    private Optional<DomainEventMessage<?>> find(String aggregateId, Class<?> type, Predicate<Object> which) {
        return eventStore.readEvents(aggregateId).asStream()
                         .filter(event -> type.isInstance(event.getPayload()) && which.test(event.getPayload()))
                         .<DomainEventMessage<?>>map(event -> event)
                         .reduce((first, second) -> second);
    }

    /** Every command that reached a handler, with its metadata as dispatched. */
    static final class CommandRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final List<CommandMessage<?>> handled = new CopyOnWriteArrayList<>();

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            handled.add(unitOfWork.getMessage());
            return chain.proceed();
        }

        <C> CommandMessage<?> of(Class<C> type, Predicate<C> which) {
            return handled.stream()
                          .filter(command -> type.isInstance(command.getPayload())
                                  && which.test(type.cast(command.getPayload())))
                          .findFirst()
                          .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " was handled"));
        }
    }

    @TestConfiguration
    static class Recording {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }

        @Bean
        CommandRecorder commandRecorder() {
            return new CommandRecorder();
        }
    }
}
