package dev.userlifecycle.query.layers;

import dev.userlifecycle.query.layering.UserFeatures;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.UserFactsBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturesAsOfTest {

    private static final LocalDate D = LocalDate.of(1998, 6, 30);

    private static UserFeatures asOf(UserFacts facts, LocalDate day) {
        return FeaturesAsOf.of(facts, (int) day.toEpochDay());
    }

    @Test
    void aUserRegisteredOnTheDayIsRecentWithOneActiveDayAndNoPurchases() {
        UserFacts facts = new UserFactsBuilder("u-1").registered(D, null).build();

        assertThat(asOf(facts, D)).isEqualTo(new UserFeatures("u-1", 0, 1, 1, 0, 0));
    }

    @Test
    void aUserRegisteredAfterTheDayIsLeftOut() {
        UserFacts facts = new UserFactsBuilder("u-1").registered(D.plusDays(1), null).build();

        assertThat(asOf(facts, D)).isNull();
    }

    @Test
    void recencyCountsFromTheLastActiveDayOnOrBeforeTheDayAndLaterActivityIsIgnored() {
        UserFacts facts = new UserFactsBuilder("u-1").registered(D.minusDays(100), null)
                                                     .activeOn(D.minusDays(12))
                                                     .activeOn(D.plusDays(3))
                                                     .build();

        assertThat(asOf(facts, D).recencyDays()).isEqualTo(12.0);
        assertThat(asOf(facts, D.plusDays(5)).recencyDays()).isEqualTo(2.0);
    }

    @Test
    void theActiveDayWindowsHold30And90DaysEndingOnTheDay() {
        UserFacts facts = new UserFactsBuilder("u-1").registered(D.minusDays(200), null)
                                                     .activeOn(D.minusDays(90))  // just outside both windows
                                                     .activeOn(D.minusDays(89))  // first day of the 90-day window
                                                     .activeOn(D.minusDays(30))  // outside the 30-day window
                                                     .activeOn(D.minusDays(29))  // first day of the 30-day window
                                                     .activeOn(D)
                                                     .activeOn(D.plusDays(1))    // after the day
                                                     .build();

        UserFeatures features = asOf(facts, D);

        assertThat(features.activeDays30()).isEqualTo(2);
        assertThat(features.activeDays90()).isEqualTo(4);
        assertThat(features.recencyDays()).isZero();
    }

    @Test
    void frequencyAndMonetaryTakeThePurchasesOnOrBeforeTheDayInMajorUnits() {
        UserFacts facts = new UserFactsBuilder("u-1").registered(D.minusDays(10), null)
                                                     .purchased(D.minusDays(5), new BigDecimal("12.50"))
                                                     .purchased(D, new BigDecimal("0.05"))
                                                     .purchased(D, new BigDecimal("7.00"))
                                                     .purchased(D.plusDays(1), new BigDecimal("100.00"))
                                                     .build();

        UserFeatures features = asOf(facts, D);

        assertThat(features.frequency()).isEqualTo(3);
        assertThat(features.monetary()).isEqualTo(19.55);
        assertThat(asOf(facts, D.minusDays(1)).frequency()).isEqualTo(1);
        assertThat(asOf(facts, D.minusDays(1)).monetary()).isEqualTo(12.5);
    }

    @Test
    void activityBackfilledBeforeRegistrationCountsOnceTheUserIsRegistered() {
        UserFacts facts = new UserFactsBuilder("u-1").registered(D.minusDays(3), null)
                                                     .activeOn(D.minusDays(20))
                                                     .build();

        assertThat(asOf(facts, D)).isEqualTo(new UserFeatures("u-1", 3, 2, 2, 0, 0));
        assertThat(asOf(facts, D.minusDays(4))).isNull();
    }
}
