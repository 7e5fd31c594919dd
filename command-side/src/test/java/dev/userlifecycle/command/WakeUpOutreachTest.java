package dev.userlifecycle.command;

import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.FrequencyCap;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.OutreachContactRecorded;
import dev.userlifecycle.events.OutreachDecision;
import dev.userlifecycle.events.OutreachStepSkipped;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordOutreachSkipped;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.WakeUpCampaignEnded;
import dev.userlifecycle.events.WakeUpCampaignEntered;
import dev.userlifecycle.events.WakeUpOutcome;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.userlifecycle.command.Timeline.USER;
import static dev.userlifecycle.command.Timeline.activated;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.day;
import static dev.userlifecycle.command.Timeline.dormantAfter;
import static dev.userlifecycle.command.Timeline.registered;
import static dev.userlifecycle.command.Timeline.violationOf;

/** Wake-up campaigns and outreach contacts; the user has consented to SMS and e-mail, not push. */
class WakeUpOutreachTest {

    private static final String CAMPAIGN = "wake-1";

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    private TestExecutor<User> givenDormantUser(Object... andThen) {
        List<Object> history = new ArrayList<>(List.of(registered(), activated(0), dormantAfter(0)));
        history.addAll(List.of(andThen));
        return fixture.given(history);
    }

    private static WakeUpCampaignEntered entered(boolean holdout) {
        return new WakeUpCampaignEntered(USER, CAMPAIGN, holdout, at(31));
    }

    private static OutreachContactRecorded contacted(String step, Channel channel) {
        return new OutreachContactRecorded(USER, CAMPAIGN, step, channel, at(32));
    }

    // campaigns

    @Test
    void dormantUserEntersAWakeUpCampaign() {
        givenDormantUser()
                .when(new EnterWakeUpCampaign(USER, CAMPAIGN, false, at(31)))
                .expectEvents(entered(false));
    }

    @Test
    void onlyADormantUserEntersAWakeUpCampaign() {
        fixture.given(registered(), activated(0))
               .when(new EnterWakeUpCampaign(USER, CAMPAIGN, false, at(31)))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void enteringTheSameCampaignAgainRecordsNothing() {
        givenDormantUser(entered(false))
                .when(new EnterWakeUpCampaign(USER, CAMPAIGN, false, at(33)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aUserIsInOneWakeUpCampaignAtATime() {
        givenDormantUser(entered(false))
                .when(new EnterWakeUpCampaign(USER, "wake-2", false, at(33)))
                .expectException(InvalidTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void endingTheCampaignIsRecorded() {
        givenDormantUser(entered(false))
                .when(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(45)))
                .expectEvents(new WakeUpCampaignEnded(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(45)));
    }

    @Test
    void endingACampaignAgainRecordsNothing() {
        givenDormantUser(entered(false), new WakeUpCampaignEnded(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(45)))
                .when(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(46)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void endingACampaignTheUserNeverEnteredIsRejected() {
        givenDormantUser()
                .when(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(45)))
                .expectException(InvalidTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aCampaignExpiringAfterTheUserReturnedWithinItEndsReactivated() {
        givenDormantUser(entered(false), new UserReactivated(USER, CAMPAIGN, at(33)))
                .when(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(38)))
                .expectEvents(new WakeUpCampaignEnded(USER, CAMPAIGN, WakeUpOutcome.REACTIVATED, at(33)));
    }

    @Test
    void aCampaignEndedAsExpiredBeforeTheReturnStaysExpired() {
        givenDormantUser(entered(false), new UserReactivated(USER, CAMPAIGN, at(39)))
                .when(new EndWakeUpCampaign(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(38)))
                .expectEvents(new WakeUpCampaignEnded(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(38)));
    }

    @Test
    void aStepOfAnEndedCampaignIsSkipped() {
        givenDormantUser(entered(false), new WakeUpCampaignEnded(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(38)))
                .when(ContactUser.on(USER, CAMPAIGN, "call", Channel.CALL, null, at(39)))
                .expectEvents(new OutreachStepSkipped(USER, CAMPAIGN, "call", Channel.CALL, "CAMPAIGN_ENDED", at(39)));
    }

    @Test
    void reactivationAfterTheCampaignEndedNamesNoCampaign() {
        givenDormantUser(entered(false), new WakeUpCampaignEnded(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(45)))
                .when(new RecordActivity(USER, ActivityKind.LOGIN, at(50), day(50)))
                .expectEvents(new UserReactivated(USER, null, at(50)),
                              new UserActiveOnDay(USER, day(50), ActivityKind.LOGIN, at(50)));
    }

    // outreach

    private static final FrequencyCap CAP = new FrequencyCap(3, Duration.ofDays(7));

    private static ContactUser contact(String step, Channel channel, int day) {
        return ContactUser.on(USER, CAMPAIGN, step, channel, CAP, at(day));
    }

    private static OutreachStepSkipped skipped(String step, Channel channel, String reason, int day) {
        return new OutreachStepSkipped(USER, CAMPAIGN, step, channel, reason, at(day));
    }

    @Test
    void contactOnAConsentedChannelIsRecorded() {
        givenDormantUser(entered(false))
                .when(contact("day-1", Channel.SMS, 32))
                .expectEvents(contacted("day-1", Channel.SMS))
                .expectResultMessagePayload(OutreachDecision.contacted(CAMPAIGN, "day-1", Channel.SMS));
    }

    @Test
    void contactWithoutConsentIsSkippedWithItsReason() {
        givenDormantUser(entered(false))
                .when(contact("day-1", Channel.PUSH, 32))
                .expectEvents(skipped("day-1", Channel.PUSH, "NO_CONSENT", 32))
                .expectResultMessagePayload(OutreachDecision.skipped(CAMPAIGN, "day-1", Channel.PUSH, "NO_CONSENT"));
    }

    @Test
    void theFirstConsentedChannelIsUsed() {
        fixture.given(registered(), activated(0))
               .when(new ContactUser(USER, "inc-1", "apology", List.of(Channel.PUSH, Channel.EMAIL, Channel.CALL),
                                     null, at(1)))
               .expectEvents(new OutreachContactRecorded(USER, "inc-1", "apology", Channel.EMAIL, at(1)));
    }

    @Test
    void aServiceCallNeedsNoConsent() {
        givenDormantUser(entered(false))
                .when(contact("day-7", Channel.CALL, 32))
                .expectEvents(contacted("day-7", Channel.CALL));
    }

    @Test
    void holdoutUserIsNotContacted() {
        givenDormantUser(entered(true))
                .when(contact("day-1", Channel.SMS, 32))
                .expectEvents(skipped("day-1", Channel.SMS, "HOLDOUT", 32));
    }

    @Test
    void theFrequencyCapCountsContactsOfEveryCampaignWithinItsWindow() {
        fixture.given(registered(), activated(0),
                      new OutreachContactRecorded(USER, "inc-1", "apology", Channel.SMS, at(27)),
                      new OutreachContactRecorded(USER, "inc-2", "apology", Channel.SMS, at(28)),
                      dormantAfter(0), entered(false),
                      new OutreachContactRecorded(USER, CAMPAIGN, "day-0", Channel.SMS, at(31)))
               .when(contact("day-2", Channel.SMS, 33))
               .expectEvents(skipped("day-2", Channel.SMS, "FREQUENCY_CAP", 33));
    }

    @Test
    void contactsOlderThanTheCapWindowDoNotCount() {
        fixture.given(registered(), activated(0),
                      new OutreachContactRecorded(USER, "inc-1", "apology", Channel.SMS, at(20)),
                      new OutreachContactRecorded(USER, "inc-2", "apology", Channel.SMS, at(27)),
                      dormantAfter(0), entered(false),
                      new OutreachContactRecorded(USER, CAMPAIGN, "day-0", Channel.SMS, at(31)))
               .when(contact("day-2", Channel.SMS, 33))
               .expectEvents(new OutreachContactRecorded(USER, CAMPAIGN, "day-2", Channel.SMS, at(33)));
    }

    @Test
    void aServiceMessageIsNotCapped() {
        fixture.given(registered(), activated(0),
                      new OutreachContactRecorded(USER, "w-1", "day-0", Channel.SMS, at(1)),
                      new OutreachContactRecorded(USER, "w-1", "day-2", Channel.SMS, at(2)),
                      new OutreachContactRecorded(USER, "w-1", "day-5", Channel.CALL, at(3)))
               .when(ContactUser.on(USER, "inc-1", "apology", Channel.SMS, null, at(4)))
               .expectEvents(new OutreachContactRecorded(USER, "inc-1", "apology", Channel.SMS, at(4)));
    }

    @Test
    void aRetriedStepRecordsNothingAndAnswersTheFirstDecision() {
        givenDormantUser(entered(false), contacted("day-1", Channel.SMS))
                .when(contact("day-1", Channel.SMS, 33))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(OutreachDecision.contacted(CAMPAIGN, "day-1", Channel.SMS));
    }

    @Test
    void anApologyNeedsNoWakeUpCampaign() {
        fixture.given(registered(), activated(0))
               .when(ContactUser.on(USER, "inc-1", "apology", Channel.EMAIL, null, at(1)))
               .expectEvents(new OutreachContactRecorded(USER, "inc-1", "apology", Channel.EMAIL, at(1)));
    }

    @Test
    void skippedStepIsRecorded() {
        givenDormantUser(entered(false))
                .when(new RecordOutreachSkipped(USER, CAMPAIGN, "day-1", Channel.PUSH, "no consent", at(32)))
                .expectEvents(new OutreachStepSkipped(USER, CAMPAIGN, "day-1", Channel.PUSH, "no consent", at(32)));
    }

    @Test
    void aContactedStepIsNotSkippedAfterwards() {
        givenDormantUser(entered(false), contacted("day-1", Channel.SMS))
                .when(new RecordOutreachSkipped(USER, CAMPAIGN, "day-1", Channel.SMS, "WINDOW_CLOSED", at(33)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSkippedStepIsNotContactedAfterwards() {
        givenDormantUser(entered(false),
                         new OutreachStepSkipped(USER, CAMPAIGN, "day-1", Channel.SMS, "quiet hours", at(32)))
                .when(contact("day-1", Channel.SMS, 33))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(
                        OutreachDecision.skipped(CAMPAIGN, "day-1", Channel.SMS, "quiet hours"));
    }
}
