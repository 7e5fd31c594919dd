package dev.userlifecycle.sagas.crisis;

import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.GrantCompensation;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.IncidentMilestoneReached;
import dev.userlifecycle.events.OutreachDecision;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.RecordMilestoneMissed;
import dev.userlifecycle.events.Severity;
import dev.userlifecycle.sagas.FixtureClock;
import dev.userlifecycle.sagas.OutreachStub;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.listWithAllOf;
import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

class CrisisCompensationSagaTest {

    private static final String INCIDENT = "inc-1";
    private static final Instant DECLARED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant APOLOGY_DUE = DECLARED.plus(Duration.ofHours(2));
    private static final Instant COMPENSATION_DUE = DECLARED.plus(Duration.ofHours(24));
    private static final List<Channel> CHANNELS = List.of(Channel.SMS, Channel.PUSH, Channel.EMAIL, Channel.CALL);
    private static final Duration RETRY = Duration.ofMinutes(10);

    private SagaTestFixture<CrisisCompensationSaga> fixture;
    private final OutreachStub outreach = new OutreachStub();
    private boolean compensationFails;
    private final List<Map<String, Object>> dispatchedMetaData = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CrisisCompensationSaga.class);
        fixture.registerResource(outreach);
        fixture.registerResource(new FixtureClock(fixture::currentTime));
        fixture.registerResource(new CompensationSettings(points(), CHANNELS, RETRY, 2));
        fixture.setCallbackBehavior((payload, metaData) -> {
            dispatchedMetaData.add(Map.copyOf(metaData));
            if (payload instanceof ContactUser contact) {
                return "u-silent".equals(contact.userId())
                        ? OutreachDecision.skipped(INCIDENT, "apology", Channel.SMS, "NO_CONSENT")
                        : OutreachDecision.contacted(INCIDENT, "apology", Channel.SMS);
            }
            if (payload instanceof GrantCompensation && compensationFails) {
                throw new IllegalStateException("the loyalty account is busy");
            }
            return null;
        });
    }

    private static Map<Severity, Long> points() {
        Map<Severity, Long> points = new EnumMap<>(Severity.class);
        points.put(Severity.LOW, 50L);
        points.put(Severity.MEDIUM, 100L);
        points.put(Severity.HIGH, 200L);
        points.put(Severity.CRITICAL, 500L);
        return points;
    }

    private static IncidentDeclared declared(Severity severity, String... userIds) {
        return new IncidentDeclared(INCIDENT, "payments down", severity, Set.of(userIds), DECLARED, APOLOGY_DUE,
                                    COMPENSATION_DUE);
    }

    private static ContactUser apology(String userId, Instant at) {
        return new ContactUser(userId, INCIDENT, "apology", CHANNELS, null, at);
    }

    private static MilestoneDue due(IncidentMilestone milestone) {
        return new MilestoneDue(INCIDENT, milestone,
                                milestone == IncidentMilestone.APOLOGY ? APOLOGY_DUE : COMPENSATION_DUE);
    }

    @Test
    void theCommandsAreTheSagasNotThoseOfTheAdminWhoDeclaredTheIncident() {
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1"), Map.of(AuditMetadata.PRINCIPAL, "ops-admin",
                                                                        AuditMetadata.SOURCE, AuditMetadata.API))
               .whenTimeAdvancesTo(APOLOGY_DUE)
               .expectDispatchedCommands(new RecordMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE));

        assertThat(dispatchedMetaData).as("apology, its record, compensation, its record, and the missed milestone")
                                      .hasSize(5)
                                      .allSatisfy(metaData -> assertThat(metaData)
                                              .containsEntry(AuditMetadata.PRINCIPAL, "saga:crisis-compensation")
                                              .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA));
    }

    @Test
    void everyAffectedUserIsApologisedToAndCompensatedAtOnce() {
        fixture.givenCurrentTime(DECLARED.plusSeconds(5))
               .whenPublishingA(declared(Severity.HIGH, "u-1", "u-2"))
               .expectActiveSagas(1)
               .expectDispatchedCommands(
                       apology("u-1", DECLARED.plusSeconds(5)),
                       new RecordApologySent(INCIDENT, "u-1", DECLARED.plusSeconds(5)),
                       new GrantCompensation("u-1", INCIDENT, 200, DECLARED.plusSeconds(5)),
                       new RecordIncidentCompensation(INCIDENT, "u-1", 200, DECLARED.plusSeconds(5)),
                       apology("u-2", DECLARED.plusSeconds(5)),
                       new RecordApologySent(INCIDENT, "u-2", DECLARED.plusSeconds(5)),
                       new GrantCompensation("u-2", INCIDENT, 200, DECLARED.plusSeconds(5)),
                       new RecordIncidentCompensation(INCIDENT, "u-2", 200, DECLARED.plusSeconds(5)))
               .expectScheduledDeadline(APOLOGY_DUE, due(IncidentMilestone.APOLOGY))
               .expectScheduledDeadline(COMPENSATION_DUE, due(IncidentMilestone.COMPENSATION));

        assertThat(outreach.delivered())
                .extracting(message -> message.userId() + " " + message.channel() + " " + message.idempotencyKey())
                .containsExactly("u-1 SMS incident:inc-1:u-1:apology", "u-2 SMS incident:inc-1:u-2:apology");
    }

    @Test
    void theCompensationFollowsTheSeverity() {
        fixture.givenCurrentTime(DECLARED)
               .whenPublishingA(declared(Severity.CRITICAL, "u-1"))
               .expectDispatchedCommandsMatching(listWithAnyOf(
                       messageWithPayload(equalTo(new GrantCompensation("u-1", INCIDENT, 500, DECLARED)))));
    }

    @Test
    void reachedApologySlaCancelsItsDeadline() {
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1"))
               .whenPublishingA(new IncidentMilestoneReached(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE,
                                                             DECLARED, true))
               .expectNoScheduledDeadline(APOLOGY_DUE, due(IncidentMilestone.APOLOGY))
               .expectScheduledDeadline(COMPENSATION_DUE, due(IncidentMilestone.COMPENSATION))
               .expectNoDispatchedCommands();
    }

    @Test
    void apologySlaIsRecordedMissedWhenTheApologyCannotBeDeliveredInTwoHours() {
        outreach.failAll(true);
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1"))
               .whenTimeAdvancesTo(APOLOGY_DUE)
               .expectDispatchedCommandsMatching(listWithAllOf(
                       messageWithPayload(equalTo(
                               new RecordMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE))),
                       not(messageWithPayload(equalTo(new RecordApologySent(INCIDENT, "u-1", APOLOGY_DUE))))));
    }

    @Test
    void compensationSlaIsRecordedMissedAfterTwentyFourHoursWithoutCompensation() {
        compensationFails = true;
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1"))
               .whenTimeAdvancesTo(COMPENSATION_DUE)
               .expectDispatchedCommandsMatching(listWithAnyOf(messageWithPayload(equalTo(
                       new RecordMilestoneMissed(INCIDENT, IncidentMilestone.COMPENSATION, COMPENSATION_DUE)))));
    }

    @Test
    void aFailedApologyIsTriedAgainAfterTheRetryInterval() {
        outreach.failNext(1);
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1"))
               .whenTimeElapses(RETRY)
               .expectDispatchedCommands(apology("u-1", DECLARED.plus(RETRY)),
                                         new RecordApologySent(INCIDENT, "u-1", DECLARED.plus(RETRY)));

        assertThat(outreach.delivered()).hasSize(1);
    }

    @Test
    void aUserWhoCanBeReachedOnNoChannelIsNotApologisedToNorRetried() {
        fixture.givenCurrentTime(DECLARED)
               .whenPublishingA(declared(Severity.LOW, "u-silent"))
               .expectDispatchedCommandsMatching(exactSequenceOf(
                       messageWithPayload(equalTo(apology("u-silent", DECLARED))),
                       messageWithPayload(equalTo(new GrantCompensation("u-silent", INCIDENT, 50, DECLARED))),
                       messageWithPayload(equalTo(
                               new RecordIncidentCompensation(INCIDENT, "u-silent", 50, DECLARED)))))
               .expectNoScheduledDeadlineWithName(DECLARED.plus(RETRY), CrisisCompensationSaga.RETRY_DUE);
        assertThat(outreach.delivered()).isEmpty();
    }

    @Test
    void aRedeliveredDeclarationApologisesOnce() {
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1"))
               .whenPublishingA(declared(Severity.LOW, "u-1"))
               .expectActiveSagas(1)
               .expectNoDispatchedCommands();
        assertThat(outreach.delivered()).hasSize(1);
    }

    @Test
    void aLargeIncidentIsWorkedThroughInBatchesOfItsOwnUnitOfWork() {
        fixture.givenCurrentTime(DECLARED)
               .whenPublishingA(declared(Severity.LOW, "u-1", "u-2", "u-3"))
               .expectDispatchedCommandsMatching(listWithAllOf(
                       messageWithPayload(equalTo(new RecordApologySent(INCIDENT, "u-2", DECLARED))),
                       not(messageWithPayload(equalTo(apology("u-3", DECLARED))))))
               .expectScheduledDeadline(DECLARED, new NextBatchDue(INCIDENT));

        assertThat(outreach.delivered()).extracting(message -> message.userId()).containsExactly("u-1", "u-2");
    }

    @Test
    void theNextBatchFollowsAtOnce() {
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1", "u-2", "u-3"))
               .whenTimeElapses(Duration.ofSeconds(1))
               .expectDispatchedCommands(apology("u-3", DECLARED.plusSeconds(1)),
                                         new RecordApologySent(INCIDENT, "u-3", DECLARED.plusSeconds(1)),
                                         new GrantCompensation("u-3", INCIDENT, 50, DECLARED.plusSeconds(1)),
                                         new RecordIncidentCompensation(INCIDENT, "u-3", 50, DECLARED.plusSeconds(1)))
               .expectNoScheduledDeadlineWithName(DECLARED.plus(RETRY), CrisisCompensationSaga.RETRY_DUE);
    }

    @Test
    void closingTheIncidentEndsTheSagaAndItsDeadlines() {
        fixture.givenCurrentTime(DECLARED)
               .andThenAPublished(declared(Severity.LOW, "u-1"))
               .whenPublishingA(new IncidentClosed(INCIDENT, DECLARED))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }
}
