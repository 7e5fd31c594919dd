package dev.userlifecycle.command;

import dev.userlifecycle.events.ActivateUser;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.ChangeConsents;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.ConsentsChanged;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.PurchaseOutcome;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.events.WakeUpCampaignEntered;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.userlifecycle.command.Timeline.AMOUNT;
import static dev.userlifecycle.command.Timeline.CONSENTS;
import static dev.userlifecycle.command.Timeline.DAY0;
import static dev.userlifecycle.command.Timeline.DORMANCY;
import static dev.userlifecycle.command.Timeline.T0;
import static dev.userlifecycle.command.Timeline.USER;
import static dev.userlifecycle.command.Timeline.activated;
import static dev.userlifecycle.command.Timeline.activeOn;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.day;
import static dev.userlifecycle.command.Timeline.dormantAfter;
import static dev.userlifecycle.command.Timeline.purchased;
import static dev.userlifecycle.command.Timeline.registered;
import static dev.userlifecycle.command.Timeline.violationOf;

class UserLifecycleTest {

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    // activation

    @Test
    void activationMakesARegisteredUserActive() {
        fixture.given(registered())
               .when(new ActivateUser(USER, at(1)))
               .expectEvents(new UserActivated(USER, at(1)));
    }

    @Test
    void userIsActivatedOnlyOnce() {
        fixture.given(registered(), activated(0))
               .when(new ActivateUser(USER, at(1)))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void dormantUserIsReactivatedByActivityNotByActivation() {
        fixture.given(registered(), activated(0), dormantAfter(0))
               .when(new ActivateUser(USER, at(40)))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void commandsToAnUnknownUserFail() {
        fixture.givenNoPriorActivity()
               .when(new ActivateUser(USER, T0))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void theTranslatorReportsAnUnknownUserInTheDomainsTerms() {
        fixture.registerCommandHandlerInterceptor(new UnknownAggregateTranslator());

        fixture.givenNoPriorActivity()
               .when(new RecordActivity(USER, ActivityKind.LOGIN, T0, DAY0))
               .expectException(UnknownUserException.class);
    }

    // activity

    @Test
    void firstActivityOfADayIsRecordedWithoutActivatingARegisteredUser() {
        fixture.given(registered())
               .when(new RecordActivity(USER, ActivityKind.VISIT, at(0), day(0)))
               .expectEvents(new UserActiveOnDay(USER, day(0), ActivityKind.VISIT, at(0)));
    }

    @Test
    void secondActivityOnTheSameDayRecordsNothing() {
        fixture.given(registered(), activated(0), activeOn(0))
               .when(new RecordActivity(USER, ActivityKind.CART, at(0).plus(Duration.ofHours(3)), day(0)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void activityOnALaterDayIsRecorded() {
        fixture.given(registered(), activated(0), activeOn(0))
               .when(new RecordActivity(USER, ActivityKind.SEARCH, at(1), day(1)))
               .expectEvents(new UserActiveOnDay(USER, day(1), ActivityKind.SEARCH, at(1)));
    }

    @Test
    void backfilledActivityOlderThanTheLatestActiveDayRecordsNothing() {
        fixture.given(registered(), activated(0), activeOn(5))
               .when(new RecordActivity(USER, ActivityKind.VISIT, at(3), day(3)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aPurchaseIsNotRecordedAsAnActivity() {
        fixture.given(registered())
               .when(new RecordActivity(USER, ActivityKind.PURCHASE, at(0), day(0)))
               .expectException(violationOf("kind"))
               .expectNoEvents();
    }

    // purchases

    @Test
    void purchaseByRegisteredUserActivatesThem() {
        fixture.given(registered())
               .when(new RecordPurchase(USER, "o-1", AMOUNT, at(0), day(0)))
               .expectEvents(new UserActivated(USER, at(0)),
                             new UserActiveOnDay(USER, day(0), ActivityKind.PURCHASE, at(0)),
                             new PurchaseMade(USER, "o-1", AMOUNT, at(0), true))
               .expectResultMessagePayload(PurchaseOutcome.RECORDED);
    }

    @Test
    void laterPurchasesAreNotTheFirst() {
        Instant later = at(0).plus(Duration.ofHours(2));
        fixture.given(registered(), activated(0), activeOn(0), purchased("o-1", 0, true))
               .when(new RecordPurchase(USER, "o-2", AMOUNT, later, day(0)))
               .expectEvents(new PurchaseMade(USER, "o-2", AMOUNT, later, false))
               .expectResultMessagePayload(PurchaseOutcome.RECORDED);
    }

    @Test
    void repeatedOrderIdRecordsNothing() {
        fixture.given(registered(), activated(0), activeOn(0), purchased("o-1", 0, true))
               .when(new RecordPurchase(USER, "o-1", AMOUNT, at(1), day(1)))
               .expectNoEvents()
               .expectResultMessagePayload(PurchaseOutcome.ALREADY_RECORDED);
    }

    @Test
    void purchaseOnANewDayIsThatDaysActivity() {
        fixture.given(registered(), activated(0), activeOn(0))
               .when(new RecordPurchase(USER, "o-1", AMOUNT, at(2), day(2)))
               .expectEvents(new UserActiveOnDay(USER, day(2), ActivityKind.PURCHASE, at(2)),
                             new PurchaseMade(USER, "o-1", AMOUNT, at(2), true));
    }

    @Test
    void activityAfterAPurchaseOnTheSameDayRecordsNothing() {
        fixture.given(registered(), activated(0), new UserActiveOnDay(USER, day(0), ActivityKind.PURCHASE, at(0)),
                      purchased("o-1", 0, true))
               .when(new RecordActivity(USER, ActivityKind.LOGIN, at(0).plusSeconds(600), day(0)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void purchaseWithoutAPositiveAmountIsRejected() {
        fixture.given(registered())
               .when(new RecordPurchase(USER, "o-1", Money.of("0", "CNY"), at(0), day(0)))
               .expectException(violationOf("amount"))
               .expectNoEvents();
    }

    // dormancy

    @Test
    void activeUserBecomesDormantWhenThePeriodHasPassed() {
        fixture.given(registered(), activated(0))
               .when(new MarkUserDormant(USER, at(31), DORMANCY))
               .expectEvents(new UserWentDormant(USER, at(0), at(30)));
    }

    @Test
    void dormancyStartsExactlyWhenThePeriodEnds() {
        fixture.given(registered(), activated(0))
               .when(new MarkUserDormant(USER, at(30), DORMANCY))
               .expectEvents(new UserWentDormant(USER, at(0), at(30)));
    }

    @Test
    void dormancyCountsFromTheLatestActivity() {
        fixture.given(registered(), activated(0), activeOn(10), purchased("o-1", 12, true))
               .when(new MarkUserDormant(USER, at(45), DORMANCY))
               .expectEvents(new UserWentDormant(USER, at(12), at(42)));
    }

    @Test
    void dormancyIsRejectedBeforeThePeriodHasPassed() {
        fixture.given(registered(), activated(0), activeOn(10))
               .when(new MarkUserDormant(USER, at(39), DORMANCY))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void aRegisteredUserDoesNotBecomeDormant() {
        fixture.given(registered())
               .when(new MarkUserDormant(USER, at(100), DORMANCY))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void aDormantUserDoesNotBecomeDormantAgain() {
        fixture.given(registered(), activated(0), dormantAfter(0))
               .when(new MarkUserDormant(USER, at(100), DORMANCY))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void dormancyPeriodMustBePositive() {
        fixture.given(registered(), activated(0))
               .when(new MarkUserDormant(USER, at(100), Duration.ZERO))
               .expectException(violationOf("dormancyPeriod"))
               .expectNoEvents();
    }

    // reactivation

    @Test
    void dormantUserIsReactivatedByActivity() {
        fixture.given(registered(), activated(0), dormantAfter(0))
               .when(new RecordActivity(USER, ActivityKind.LOGIN, at(40), day(40)))
               .expectEvents(new UserReactivated(USER, null, at(40)),
                             new UserActiveOnDay(USER, day(40), ActivityKind.LOGIN, at(40)));
    }

    @Test
    void dormantUserIsReactivatedByPurchase() {
        fixture.given(registered(), activated(0), dormantAfter(0))
               .when(new RecordPurchase(USER, "o-1", AMOUNT, at(40), day(40)))
               .expectEvents(new UserReactivated(USER, null, at(40)),
                             new UserActiveOnDay(USER, day(40), ActivityKind.PURCHASE, at(40)),
                             new PurchaseMade(USER, "o-1", AMOUNT, at(40), true))
               .expectResultMessagePayload(PurchaseOutcome.RECORDED);
    }

    @Test
    void reactivationNamesTheWakeUpCampaignTheUserIsIn() {
        fixture.given(registered(), activated(0), dormantAfter(0),
                      new WakeUpCampaignEntered(USER, "wake-1", false, at(31)))
               .when(new RecordActivity(USER, ActivityKind.LOGIN, at(35), day(35)))
               .expectEvents(new UserReactivated(USER, "wake-1", at(35)),
                             new UserActiveOnDay(USER, day(35), ActivityKind.LOGIN, at(35)));
    }

    @Test
    void reactivatedUserBecomesDormantAgainAPeriodAfterTheReactivation() {
        fixture.given(registered(), activated(0), dormantAfter(0), new UserReactivated(USER, null, at(40)))
               .when(new MarkUserDormant(USER, at(70), DORMANCY))
               .expectEvents(new UserWentDormant(USER, at(40), at(70)));
    }

    @Test
    void activityDatedBeforeTheUserWentDormantRecordsNothing() {
        fixture.given(registered(), activated(0), dormantAfter(0))
               .when(new RecordActivity(USER, ActivityKind.LOGIN, at(20), day(20)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void purchaseDatedBeforeTheUserWentDormantIsRecordedWithoutReactivatingThem() {
        fixture.given(registered(), activated(0), dormantAfter(0))
               .when(new RecordPurchase(USER, "o-1", AMOUNT, at(20), day(20)))
               .expectEvents(new PurchaseMade(USER, "o-1", AMOUNT, at(20), true));
    }

    @Test
    void dormantUserActiveAgainOnTheirLastActiveDayIsReactivated() {
        Instant lastActive = at(0);
        fixture.given(registered(), activated(0), activeOn(0),
                      new UserWentDormant(USER, lastActive, lastActive.plus(Duration.ofHours(1))))
               .when(new RecordActivity(USER, ActivityKind.LOGIN, lastActive.plus(Duration.ofHours(2)), day(0)))
               .expectEvents(new UserReactivated(USER, null, lastActive.plus(Duration.ofHours(2))));
    }

    // consents

    @Test
    void changedConsentsAreRecorded() {
        ChannelConsents pushOnly = new ChannelConsents(false, true, false);
        fixture.given(registered())
               .when(new ChangeConsents(USER, pushOnly, at(1)))
               .expectEvents(new ConsentsChanged(USER, pushOnly, at(1)));
    }

    @Test
    void unchangedConsentsRecordNothing() {
        fixture.given(registered())
               .when(new ChangeConsents(USER, CONSENTS, at(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
