package dev.userlifecycle.sagas.wakeup;

import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.FrequencyCap;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.OutreachDecision;
import dev.userlifecycle.events.OutreachSkipReason;
import dev.userlifecycle.events.RecordOutreachSkipped;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.events.WakeUpOutcome;
import dev.userlifecycle.sagas.FixtureClock;
import dev.userlifecycle.sagas.OutreachStub;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.wakeup.WakeUpSaga.StepDue;
import dev.userlifecycle.sagas.wakeup.WakeUpSaga.WindowEnds;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wake-up saga against a stubbed user: {@code ContactUser} is answered by {@link #decide}, and the time is the
 * fixture's. The platform is in Shanghai (UTC+8), quiet from 22:00 to 08:00; the user goes dormant at 10:00 local.
 */
class WakeUpSagaTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String USER = "u-1";
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final String CAMPAIGN = "wake-up-2026-03-02T02:00:00Z";
    private static final FrequencyCap CAP = new FrequencyCap(3, Duration.ofDays(7));
    private static final Duration DAY = Duration.ofDays(1);
    private static final WakeUpStep SMS = new WakeUpStep("sms", Duration.ZERO, Channel.SMS, "wake-up-sms");
    private static final WakeUpStep PUSH = new WakeUpStep("push", Duration.ofDays(2), Channel.PUSH, "wake-up-push");
    private static final WakeUpStep CALL = new WakeUpStep("call", Duration.ofDays(5), Channel.CALL, "wake-up-call");

    private SagaTestFixture<WakeUpSaga> fixture;
    private final OutreachStub outreach = new OutreachStub();
    private Function<ContactUser, OutreachDecision> decide = WakeUpSagaTest::contacted;
    private boolean refuseEntry;
    private final List<Map<String, Object>> dispatchedMetaData = new ArrayList<>();

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(WakeUpSaga.class);
        fixture.registerResource(new FixtureClock(fixture::currentTime));
        fixture.registerResource(outreach);
        fixture.setCallbackBehavior((payload, metaData) -> {
            dispatchedMetaData.add(Map.copyOf(metaData));
            if (payload instanceof EnterWakeUpCampaign && refuseEntry) {
                throw new InvalidTransitionException("only a dormant user enters a wake-up campaign");
            }
            return payload instanceof ContactUser command ? decide.apply(command) : null;
        });
        useSettings(0, Duration.ofDays(7));
    }

    private void useSettings(double holdoutPercent, Duration window) {
        fixture.registerResource(new WakeUpSettings(Duration.ofDays(3), holdoutPercent, window,
                                                    List.of(SMS, PUSH, CALL),
                                                    new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI),
                                                    CAP, Duration.ofHours(1), 3));
    }

    private static UserWentDormant dormantAt(Instant at) {
        return new UserWentDormant(USER, at.minus(Duration.ofDays(30)), at);
    }

    private static OutreachDecision contacted(ContactUser command) {
        return OutreachDecision.contacted(command.campaignId(), command.step(), command.channels().get(0));
    }

    private static OutreachDecision skipped(ContactUser command, OutreachSkipReason reason) {
        return OutreachDecision.skipped(command.campaignId(), command.step(), command.channels().get(0), reason.name());
    }

    private static ContactUser contact(WakeUpStep step, Instant at) {
        return ContactUser.on(USER, CAMPAIGN, step.name(), step.channel(), CAP, at);
    }

    private static RecordOutreachSkipped windowClosed(WakeUpStep step, Instant at) {
        return new RecordOutreachSkipped(USER, CAMPAIGN, step.name(), step.channel(),
                                         OutreachSkipReason.WINDOW_CLOSED.name(), at);
    }

    @Test
    void aDormantUserEntersTheCampaignAndIsContactedBySmsAtOnce() {
        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW))
               .expectActiveSagas(1)
               .expectDispatchedCommands(new EnterWakeUpCampaign(USER, CAMPAIGN, false, NOW), contact(SMS, NOW));

        assertThat(outreach.sent()).containsExactly(
                OutreachMessage.of(USER + "/" + CAMPAIGN, "sms", USER, CAMPAIGN, Channel.SMS, "wake-up-sms", Map.of(),
                                   NOW));
    }

    @Test
    void everyCommandOfTheCampaignIsTheSagasAlsoFromADeadlineNotThatOfWhoeverMadeTheUserDormant() {
        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW), Map.of(AuditMetadata.PRINCIPAL, "sweep:dormancy",
                                                         AuditMetadata.SOURCE, AuditMetadata.SWEEP))
               .whenTimeElapses(Duration.ofDays(2))
               .expectDispatchedCommands(contact(PUSH, NOW.plus(Duration.ofDays(2))));

        assertThat(dispatchedMetaData).as("entry, sms, and push from its deadline").hasSize(3)
                                      .allSatisfy(metaData -> assertThat(metaData)
                                              .containsEntry(AuditMetadata.PRINCIPAL, "saga:wake-up")
                                              .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA));
    }

    @Test
    void theLaterStepsAndTheWindowEndAreDeadlines() {
        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW))
               .expectScheduledDeadline(NOW.plus(Duration.ofDays(2)), new StepDue("push", 1))
               .expectScheduledDeadline(NOW.plus(Duration.ofDays(5)), new StepDue("call", 1))
               .expectScheduledDeadline(NOW.plus(Duration.ofDays(7)), new WindowEnds(CAMPAIGN));
    }

    @Test
    void thePushStepIsSentWhenItsDeadlineFires() {
        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .whenTimeElapses(Duration.ofDays(2))
               .expectDispatchedCommands(contact(PUSH, NOW.plus(Duration.ofDays(2))));

        assertThat(outreach.sent()).extracting(OutreachMessage::step).containsExactly("sms", "push");
        assertThat(outreach.sent().get(1).channel()).isEqualTo(Channel.PUSH);
        assertThat(outreach.sent().get(1).template()).isEqualTo("wake-up-push");
    }

    @Test
    void aUserWithoutConsentIsSentNothing() {
        decide = command -> skipped(command, OutreachSkipReason.NO_CONSENT);

        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW))
               .expectDispatchedCommands(new EnterWakeUpCampaign(USER, CAMPAIGN, false, NOW), contact(SMS, NOW))
               .expectScheduledDeadline(NOW.plus(Duration.ofDays(2)), new StepDue("push", 1));

        assertThat(outreach.sent()).isEmpty();
    }

    @Test
    void aUserAtTheFrequencyCapIsSentNothing() {
        decide = command -> skipped(command, OutreachSkipReason.FREQUENCY_CAP);

        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .whenTimeElapses(Duration.ofDays(2))
               .expectDispatchedCommands(contact(PUSH, NOW.plus(Duration.ofDays(2))));

        assertThat(outreach.sent()).isEmpty();
    }

    @Test
    void aStepDueInQuietHoursWaitsUntilTheyEnd() {
        Instant elevenPm = Instant.parse("2026-03-02T15:00:00Z");
        Instant eightAm = Instant.parse("2026-03-03T00:00:00Z");
        String campaign = "wake-up-2026-03-02T15:00:00Z";

        fixture.givenCurrentTime(elevenPm)
               .whenPublishingA(dormantAt(elevenPm))
               .expectDispatchedCommands(new EnterWakeUpCampaign(USER, campaign, false, elevenPm))
               .expectScheduledDeadline(eightAm, new StepDue("sms", 1));

        fixture.whenTimeAdvancesTo(eightAm)
               .expectDispatchedCommands(ContactUser.on(USER, campaign, "sms", Channel.SMS, CAP, eightAm));
        assertThat(outreach.sent()).extracting(OutreachMessage::occurredAt).containsExactly(eightAm);
    }

    @Test
    void aDeadlineFiringLateInQuietHoursIsMovedToTheirEnd() {
        Instant lateAtNight = Instant.parse("2026-03-04T15:30:00Z");

        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .whenTimeAdvancesTo(lateAtNight)
               .expectNoDispatchedCommands()
               .expectScheduledDeadline(Instant.parse("2026-03-05T00:00:00Z"), new StepDue("push", 1));

        assertThat(outreach.sent()).extracting(OutreachMessage::step).containsExactly("sms");
    }

    @Test
    void aStepThatWouldRunAtTheWindowEndIsRecordedWindowClosed() {
        useSettings(0, Duration.ofDays(5));

        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW))
               .expectDispatchedCommands(new EnterWakeUpCampaign(USER, CAMPAIGN, false, NOW), contact(SMS, NOW),
                                         windowClosed(CALL, NOW))
               .expectNoScheduledDeadline(NOW.plus(Duration.ofDays(5)), new StepDue("call", 1));
    }

    @Test
    void aHoldoutUserIsNeverContactedButGetsTheWindowAndTheOutcome() {
        useSettings(100, Duration.ofDays(7));

        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW))
               .expectDispatchedCommands(new EnterWakeUpCampaign(USER, CAMPAIGN, true, NOW))
               .expectScheduledDeadline(NOW.plus(Duration.ofDays(7)), new WindowEnds(CAMPAIGN))
               .expectNoScheduledDeadlineWithName(NOW.plus(Duration.ofDays(2)), WakeUpSaga.STEP_DEADLINE);

        fixture.whenTimeElapses(Duration.ofDays(7))
               .expectDispatchedCommands(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED,
                                                               NOW.plus(Duration.ofDays(7))))
               .expectActiveSagas(0);
        assertThat(outreach.sent()).isEmpty();
    }

    @Test
    void aReactivatedUserEndsTheCampaignReactivatedAndTheStepsLeftAreCancelled() throws Exception {
        Instant reactivatedAt = NOW.plus(Duration.ofDays(3));

        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .andThenTimeElapses(Duration.ofDays(3))
               .whenPublishingA(new UserReactivated(USER, CAMPAIGN, reactivatedAt))
               .expectDispatchedCommands(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.REACTIVATED,
                                                               reactivatedAt))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void theWindowEndExpiresTheCampaign() throws Exception {
        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .andThenTimeElapses(Duration.ofDays(2))
               .andThenTimeElapses(Duration.ofDays(3))
               .whenTimeElapses(Duration.ofDays(2))
               .expectDispatchedCommands(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED,
                                                               NOW.plus(Duration.ofDays(7))))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);

        assertThat(outreach.sent()).extracting(OutreachMessage::step).containsExactly("sms", "push", "call");
    }

    @Test
    void aReactivationAfterTheWindowClosedEndsTheCampaignExpiredAndClosesTheStepsLeft() {
        Instant reactivatedAt = NOW.plus(Duration.ofDays(9));

        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .whenPublishingA(new UserReactivated(USER, CAMPAIGN, reactivatedAt))
               .expectDispatchedCommands(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED,
                                                               NOW.plus(Duration.ofDays(7))),
                                         windowClosed(PUSH, NOW), windowClosed(CALL, NOW))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void anOldDormancyStartsNoCampaign() {
        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW.minus(Duration.ofDays(3)).minusSeconds(1)))
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void aDormancyFarAheadOfTheClockStartsNoCampaign() {
        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW.plus(Duration.ofDays(365))))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    @Test
    void aDormancyOfLastNightStartsACampaign() {
        Instant lastNight = NOW.minus(Duration.ofHours(12));

        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(lastNight))
               .expectDispatchedCommands(
                       new EnterWakeUpCampaign(USER, "wake-up-2026-03-01T14:00:00Z", false, NOW),
                       ContactUser.on(USER, "wake-up-2026-03-01T14:00:00Z", "sms", Channel.SMS, CAP, NOW));
    }

    @Test
    void aUserWhoRefusesTheEntryEndsTheSaga() {
        refuseEntry = true;

        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW))
               .expectDispatchedCommands(new EnterWakeUpCampaign(USER, CAMPAIGN, false, NOW))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void aRedeliveredStartEventDoublesNothing() {
        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .whenPublishingA(dormantAt(NOW))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);

        assertThat(outreach.sent()).hasSize(1);
        fixture.whenTimeElapses(Duration.ofDays(2))
               .expectDispatchedCommands(contact(PUSH, NOW.plus(Duration.ofDays(2))));
    }

    @Test
    void aFailedDeliveryIsTriedAgainLaterWithTheSameKey() {
        outreach.failAll(true);

        fixture.givenCurrentTime(NOW)
               .whenPublishingA(dormantAt(NOW))
               .expectScheduledDeadline(NOW.plus(Duration.ofHours(1)), new StepDue("sms", 2));

        outreach.failAll(false);
        fixture.whenTimeElapses(Duration.ofHours(1))
               .expectDispatchedCommands(contact(SMS, NOW.plus(Duration.ofHours(1))));
        assertThat(outreach.sent()).extracting(OutreachMessage::idempotencyKey).containsOnly(USER + "/" + CAMPAIGN + ":sms")
                                 .hasSize(2);
        assertThat(outreach.delivered().size()).isEqualTo(1);
    }

    @Test
    void aStepIsDeliveredAtMostDeliveryAttemptsTimes() throws Exception {
        outreach.failAll(true);

        fixture.givenCurrentTime(NOW)
               .andThenAPublished(dormantAt(NOW))
               .andThenTimeElapses(Duration.ofHours(1))
               .whenTimeElapses(Duration.ofHours(1))
               .expectNoScheduledDeadlineWithName(NOW.plus(Duration.ofHours(3)), WakeUpSaga.STEP_DEADLINE);

        assertThat(outreach.sent()).extracting(OutreachMessage::step).containsExactly("sms", "sms", "sms");
    }
}
