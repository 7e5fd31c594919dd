package dev.userlifecycle.command;

import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.OutreachContactRecorded;
import dev.userlifecycle.events.OutreachStepSkipped;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordOutreachContact;
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
    void reactivationAfterTheCampaignEndedNamesNoCampaign() {
        givenDormantUser(entered(false), new WakeUpCampaignEnded(USER, CAMPAIGN, WakeUpOutcome.EXPIRED, at(45)))
                .when(new RecordActivity(USER, ActivityKind.LOGIN, at(50), day(50)))
                .expectEvents(new UserReactivated(USER, null, at(50)),
                              new UserActiveOnDay(USER, day(50), ActivityKind.LOGIN, at(50)));
    }

    // outreach

    @Test
    void contactOnAConsentedChannelIsRecorded() {
        givenDormantUser(entered(false))
                .when(new RecordOutreachContact(USER, CAMPAIGN, "day-1", Channel.SMS, at(32)))
                .expectEvents(contacted("day-1", Channel.SMS));
    }

    @Test
    void contactWithoutConsentIsRejected() {
        givenDormantUser(entered(false))
                .when(new RecordOutreachContact(USER, CAMPAIGN, "day-1", Channel.PUSH, at(32)))
                .expectException(violationOf("channel"))
                .expectNoEvents();
    }

    @Test
    void aServiceCallNeedsNoConsent() {
        givenDormantUser(entered(false))
                .when(new RecordOutreachContact(USER, CAMPAIGN, "day-7", Channel.CALL, at(32)))
                .expectEvents(contacted("day-7", Channel.CALL));
    }

    @Test
    void holdoutUserIsNotContacted() {
        givenDormantUser(entered(true))
                .when(new RecordOutreachContact(USER, CAMPAIGN, "day-1", Channel.SMS, at(32)))
                .expectException(violationOf("campaignId"))
                .expectNoEvents();
    }

    @Test
    void repeatedContactForTheSameStepAndChannelRecordsNothing() {
        givenDormantUser(entered(false), contacted("day-1", Channel.SMS))
                .when(new RecordOutreachContact(USER, CAMPAIGN, "day-1", Channel.SMS, at(33)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameStepOnAnotherChannelIsRecorded() {
        givenDormantUser(entered(false), contacted("day-1", Channel.SMS))
                .when(new RecordOutreachContact(USER, CAMPAIGN, "day-1", Channel.EMAIL, at(32)))
                .expectEvents(contacted("day-1", Channel.EMAIL));
    }

    @Test
    void anApologyNeedsNoWakeUpCampaign() {
        fixture.given(registered(), activated(0))
               .when(new RecordOutreachContact(USER, "inc-1", "apology", Channel.EMAIL, at(1)))
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
                .when(new RecordOutreachSkipped(USER, CAMPAIGN, "day-1", Channel.SMS, "frequency cap", at(33)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSkippedStepIsNotContactedAfterwards() {
        givenDormantUser(entered(false),
                         new OutreachStepSkipped(USER, CAMPAIGN, "day-1", Channel.SMS, "quiet hours", at(32)))
                .when(new RecordOutreachContact(USER, CAMPAIGN, "day-1", Channel.SMS, at(33)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
