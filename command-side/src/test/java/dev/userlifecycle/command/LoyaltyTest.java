package dev.userlifecycle.command;

import dev.userlifecycle.events.ChangeLoyaltyTier;
import dev.userlifecycle.events.CompensationGranted;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.GrantCompensation;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.events.RedeemPoints;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.userlifecycle.command.Timeline.USER;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.registered;
import static dev.userlifecycle.command.Timeline.violationOf;

class LoyaltyTest {

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    private static PointsEarned earned(long points, String sourceId) {
        return new PointsEarned(USER, points, "order", sourceId, at(1), at(366));
    }

    private static PointsRedeemed redeemed(long points, String redemptionId) {
        return new PointsRedeemed(USER, points, "voucher", redemptionId, at(2));
    }

    // earning

    @Test
    void earnedPointsAreRecorded() {
        fixture.given(registered())
               .when(new EarnPoints(USER, 100, "order", "o-1", at(1), at(366)))
               .expectEvents(earned(100, "o-1"));
    }

    @Test
    void pointsAreEarnedOncePerSource() {
        fixture.given(registered(), earned(100, "o-1"))
               .when(new EarnPoints(USER, 100, "order", "o-1", at(1), at(366)))
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

    // redeeming

    @Test
    void redemptionOfTheWholeBalanceIsRecorded() {
        fixture.given(registered(), earned(100, "o-1"))
               .when(new RedeemPoints(USER, 100, "voucher", "r-1", at(2)))
               .expectEvents(redeemed(100, "r-1"));
    }

    @Test
    void redemptionBeyondBalanceIsRejected() {
        fixture.given(registered(), earned(100, "o-1"), redeemed(30, "r-1"))
               .when(new RedeemPoints(USER, 71, "voucher", "r-2", at(2)))
               .expectException(violationOf("points"))
               .expectNoEvents();
    }

    @Test
    void repeatedRedemptionIdRecordsNothingEvenWhenTheBalanceNoLongerCoversIt() {
        fixture.given(registered(), earned(100, "o-1"), redeemed(80, "r-1"))
               .when(new RedeemPoints(USER, 80, "voucher", "r-1", at(2)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    // expiring

    @Test
    void expiryIsCappedAtTheBalance() {
        fixture.given(registered(), earned(100, "o-1"), redeemed(70, "r-1"))
               .when(new ExpirePoints(USER, 50, at(366)))
               .expectEvents(new PointsExpired(USER, 30, at(366)));
    }

    @Test
    void expiryOfAnEmptyBalanceRecordsNothing() {
        fixture.given(registered(), earned(100, "o-1"), redeemed(100, "r-1"))
               .when(new ExpirePoints(USER, 100, at(366)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void expiredPointsCannotBeRedeemed() {
        fixture.given(registered(), earned(100, "o-1"), new PointsExpired(USER, 100, at(366)))
               .when(new RedeemPoints(USER, 1, "voucher", "r-1", at(367)))
               .expectException(violationOf("points"));
    }

    // tiers

    @Test
    void tierChangeRecordsThePreviousTier() {
        fixture.given(registered())
               .when(new ChangeLoyaltyTier(USER, LoyaltyTier.GOLD, at(1)))
               .expectEvents(new LoyaltyTierChanged(USER, LoyaltyTier.BRONZE, LoyaltyTier.GOLD, at(1)));
    }

    @Test
    void tierChangeStartsFromTheCurrentTier() {
        fixture.given(registered(), new LoyaltyTierChanged(USER, LoyaltyTier.BRONZE, LoyaltyTier.GOLD, at(1)))
               .when(new ChangeLoyaltyTier(USER, LoyaltyTier.SILVER, at(2)))
               .expectEvents(new LoyaltyTierChanged(USER, LoyaltyTier.GOLD, LoyaltyTier.SILVER, at(2)));
    }

    @Test
    void unchangedTierRecordsNothing() {
        fixture.given(registered())
               .when(new ChangeLoyaltyTier(USER, LoyaltyTier.BRONZE, at(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
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
               .when(new RedeemPoints(USER, 200, "voucher", "r-1", at(2)))
               .expectEvents(redeemed(200, "r-1"));
    }
}
