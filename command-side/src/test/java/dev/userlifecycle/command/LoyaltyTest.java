package dev.userlifecycle.command;

import dev.userlifecycle.events.CompensationGranted;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.EarnPurchasePoints;
import dev.userlifecycle.events.EarnReferralBonus;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.GrantCompensation;
import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.LoyaltyReviewScheduled;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsExpiryOutcome;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.events.RedeemPoints;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.userlifecycle.command.Timeline.USER;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.registered;
import static dev.userlifecycle.command.Timeline.violationOf;
import static dev.userlifecycle.events.LoyaltyTier.BRONZE;
import static dev.userlifecycle.events.LoyaltyTier.SILVER;

/** The loyalty rules of the user aggregate, with the standard programme: SILVER from 1 000 points, 12 months. */
class LoyaltyTest {

    private static final LoyaltyProgram PROGRAM = LoyaltyProgram.standard(ZoneOffset.UTC);

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(PROGRAM);
    }

    /** When points earned on {@code day} expire, and stop counting toward the tier. */
    private static Instant expiryOf(int day) {
        return PROGRAM.expiryOf(at(day));
    }

    private static EarnPurchasePoints purchase(String orderId, String amount, int day) {
        return new EarnPurchasePoints(USER, orderId, Money.of(amount, "CNY"), at(day));
    }

    private static EarnPoints earn(long points, String sourceId, int day) {
        return new EarnPoints(USER, points, "order", sourceId, at(day), expiryOf(day));
    }

    private static RedeemPoints redeem(long points, String redemptionId, Instant at) {
        return new RedeemPoints(USER, points, "voucher", redemptionId, at);
    }

    // earning

    @Test
    void earnedPointsAreRecordedWithTheirExpiryAsTheNextReview() {
        fixture.given(registered())
               .when(earn(100, "o-1", 1))
               .expectEvents(new PointsEarned(USER, 100, "order", "o-1", at(1), expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, expiryOf(1), at(1)));
    }

    @Test
    void pointsAreEarnedOncePerSource() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1))
               .when(earn(100, "o-1", 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void pointsCannotExpireBeforeTheyAreEarned() {
        fixture.given(registered())
               .when(new EarnPoints(USER, 100, "order", "o-1", at(1), at(1)))
               .expectException(violationOf("expiresAt"))
               .expectNoEvents();
    }

    @Test
    void nonPositivePointsAreRejected() {
        fixture.given(registered())
               .when(new EarnPoints(USER, 0, "order", "o-1", at(1), null))
               .expectException(violationOf("points"))
               .expectNoEvents();
    }

    // purchases and referrals

    @Test
    void aPurchaseEarnsTheFloorOfItsAmountTimesTheTierMultiplier() {
        fixture.given(registered())
               .andGivenCommands(purchase("o-1", "1000.00", 1))
               .when(purchase("o-2", "100.90", 2))
               .expectEvents(new PointsEarned(USER, 121, "purchase o-2", "order:o-2", at(2), expiryOf(2)));
    }

    @Test
    void aPurchaseEarnsPointsOncePerOrder() {
        fixture.given(registered())
               .andGivenCommands(purchase("o-1", "12.50", 1))
               .when(purchase("o-1", "12.50", 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aPurchaseWorthLessThanAPointEarnsNothing() {
        fixture.given(registered())
               .when(purchase("o-1", "0.99", 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theReferralBonusIsEarnedOncePerReferredUserThroughItsSourceId() {
        fixture.given(registered())
               .when(new EarnReferralBonus(USER, "u-2", at(1)))
               .expectEvents(new PointsEarned(USER, 100, "referral of u-2", "referral:u-2", at(1), expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, expiryOf(1), at(1)));

        fixture.given(registered())
               .andGivenCommands(new EarnReferralBonus(USER, "u-2", at(1)))
               .when(new EarnReferralBonus(USER, "u-2", at(5)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    // tiers

    @Test
    void theTierRisesAsSoonAsAnEarningReachesItsThreshold() {
        fixture.given(registered())
               .andGivenCommands(purchase("o-1", "900.00", 1))
               .when(purchase("o-2", "100.00", 2))
               .expectEvents(new PointsEarned(USER, 100, "purchase o-2", "order:o-2", at(2), expiryOf(2)),
                             new LoyaltyTierChanged(USER, BRONZE, SILVER, at(2)));
    }

    @Test
    void theTierFallsWhenEarningsLeaveTheWindow() {
        fixture.given(registered())
               .andGivenCommands(purchase("o-1", "1000.00", 1), purchase("o-2", "100.00", 60))
               .when(new ExpirePoints(USER, expiryOf(1)))
               .expectEvents(new PointsExpired(USER, 1000, expiryOf(1)),
                             new LoyaltyTierChanged(USER, SILVER, BRONZE, expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, expiryOf(60), expiryOf(1)))
               .expectResultMessagePayload(new PointsExpiryOutcome(1000, SILVER, BRONZE));
    }

    @Test
    void redeemedEarningsStillCountTowardTheTierUntilTheyLeaveTheWindow() {
        fixture.given(registered())
               .andGivenCommands(purchase("o-1", "1000.00", 1), redeem(1000, "r-1", at(2)))
               .when(new ExpirePoints(USER, expiryOf(1)))
               .expectEvents(new LoyaltyTierChanged(USER, SILVER, BRONZE, expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, null, expiryOf(1)))
               .expectResultMessagePayload(new PointsExpiryOutcome(0, SILVER, BRONZE));
    }

    // redeeming

    @Test
    void redemptionOfTheWholeBalanceIsRecorded() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1))
               .when(redeem(100, "r-1", at(2)))
               .expectEvents(new PointsRedeemed(USER, 100, "voucher", "r-1", at(2)),
                             new LoyaltyReviewScheduled(USER, null, at(2)));
    }

    @Test
    void redemptionBeyondBalanceIsRejected() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1), redeem(30, "r-1", at(2)))
               .when(redeem(71, "r-2", at(2)))
               .expectException(violationOf("points"))
               .expectNoEvents();
    }

    @Test
    void repeatedRedemptionIdRecordsNothingEvenWhenTheBalanceNoLongerCoversIt() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1), redeem(80, "r-1", at(2)))
               .when(redeem(80, "r-1", at(2)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void redemptionConsumesTheOldestPointsFirst() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1), earn(50, "o-2", 2), redeem(120, "r-1", at(3)))
               .when(new ExpirePoints(USER, expiryOf(2)))
               .expectEvents(new PointsExpired(USER, 30, expiryOf(2)),
                             new LoyaltyReviewScheduled(USER, null, expiryOf(2)));
    }

    @Test
    void aRedemptionCannotSpendPointsThatExpiredBeforeIt() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1))
               .when(redeem(50, "r-1", expiryOf(1).plus(Duration.ofDays(1))))
               .expectException(violationOf("points"))
               .expectNoEvents();
    }

    @Test
    void pointsThatExpiredBeforeARedemptionExpireFirst() {
        Instant redeemedAt = expiryOf(1).plus(Duration.ofDays(1));
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1), earn(100, "o-2", 100))
               .when(redeem(50, "r-1", redeemedAt))
               .expectEvents(new PointsExpired(USER, 100, expiryOf(1)),
                             new PointsRedeemed(USER, 50, "voucher", "r-1", redeemedAt),
                             new LoyaltyReviewScheduled(USER, expiryOf(100), redeemedAt));
    }

    // expiring

    @Test
    void expiryTakesTheOldestPointsFirstAtTheirOwnExpiry() {
        Instant asOf = expiryOf(40).minus(Duration.ofDays(1));
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1), earn(50, "o-2", 40))
               .when(new ExpirePoints(USER, asOf))
               .expectEvents(new PointsExpired(USER, 100, expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, expiryOf(40), asOf))
               .expectResultMessagePayload(new PointsExpiryOutcome(100, BRONZE, BRONZE));
    }

    @Test
    void pointsAlreadyRedeemedDoNotExpireAgain() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1), redeem(70, "r-1", at(2)))
               .when(new ExpirePoints(USER, expiryOf(1)))
               .expectEvents(new PointsExpired(USER, 30, expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, null, expiryOf(1)));
    }

    @Test
    void expiryRetriedAsOfTheSameTimeHasNoEffect() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1), earn(50, "o-2", 40), new ExpirePoints(USER, expiryOf(1)))
               .when(new ExpirePoints(USER, expiryOf(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(new PointsExpiryOutcome(0, BRONZE, BRONZE));
    }

    @Test
    void expiryBeforeAnythingIsDueFindsNothing() {
        fixture.given(registered())
               .andGivenCommands(earn(100, "o-1", 1))
               .when(new ExpirePoints(USER, expiryOf(1).minusSeconds(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void expiredPointsCannotBeRedeemed() {
        fixture.given(registered(), new PointsEarned(USER, 100, "order", "o-1", at(1), expiryOf(1)),
                      new PointsExpired(USER, 100, expiryOf(1)))
               .when(redeem(1, "r-1", expiryOf(1).plusSeconds(1)))
               .expectException(violationOf("points"));
    }

    // compensation

    @Test
    void compensationGrantsPointsForTheIncident() {
        fixture.given(registered())
               .when(new GrantCompensation(USER, "inc-1", 200, at(1)))
               .expectEvents(new CompensationGranted(USER, "inc-1", 200, at(1)),
                             new PointsEarned(USER, 200, "compensation for incident inc-1", "incident:inc-1", at(1),
                                              null));
    }

    @Test
    void compensationPointsNeverExpireButStopCountingTowardTheTierAfterTheLifetime() {
        fixture.given(registered())
               .andGivenCommands(new GrantCompensation(USER, "inc-1", 1_000, at(1)))
               .when(new ExpirePoints(USER, expiryOf(1)))
               .expectEvents(new LoyaltyTierChanged(USER, SILVER, BRONZE, expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, null, expiryOf(1)))
               .expectResultMessagePayload(new PointsExpiryOutcome(0, SILVER, BRONZE));
    }

    @Test
    void compensationIsGrantedOncePerIncident() {
        fixture.given(registered(), new CompensationGranted(USER, "inc-1", 200, at(1)))
               .when(new GrantCompensation(USER, "inc-1", 200, at(2)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void compensationPointsCanBeRedeemed() {
        fixture.given(registered())
               .andGivenCommands(new GrantCompensation(USER, "inc-1", 200, at(1)))
               .when(redeem(200, "r-1", at(2)))
               .expectEvents(new PointsRedeemed(USER, 200, "voucher", "r-1", at(2)));
    }

    @Test
    void anExpiryAndTierChangeAreDatedWhenTheyHappenedNotWhenTheSweepRan() {
        fixture.given(registered())
               .andGivenCommands(purchase("o-1", "1000.00", 1))
               .when(new ExpirePoints(USER, expiryOf(1).plus(Duration.ofDays(3))))
               .expectEvents(new PointsExpired(USER, 1000, expiryOf(1)),
                             new LoyaltyTierChanged(USER, LoyaltyTier.SILVER, LoyaltyTier.BRONZE, expiryOf(1)),
                             new LoyaltyReviewScheduled(USER, null, expiryOf(1).plus(Duration.ofDays(3))));
    }
}
