package dev.userlifecycle.query.retention;

import static dev.userlifecycle.query.retention.Users.day;
import static dev.userlifecycle.query.retention.Users.history;
import static dev.userlifecycle.query.retention.Users.purchase;
import static dev.userlifecycle.query.retention.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpisTest {

    private static final LocalDate FROM = day("2026-03-01");
    private static final LocalDate TO = day("2026-03-07");

    private static final List<UserFacts> USERS = List.of(
            purchase(purchase(history("r1", "2026-02-20").activated(day("2026-02-21")), "2026-03-03", "10.00"),
                     "2026-03-05", "20.00").build(),
            purchase(referred("r2", "2026-03-01", "r1").activated(day("2026-03-02")), "2026-03-02", "5.50").build(),
            referred("r3", "2026-03-02", "r2").build(),
            purchase(referred("r4", "2026-03-05", "r2").activeOn(day("2026-03-06")).activated(day("2026-03-08")),
                     "2026-03-08", "100.00").build(),
            referred("r5", "2026-03-07", "r3").build(),
            referred("r6", "2026-03-08", "r2").build(),
            user("r7", "2026-02-01", "2026-02-02"),
            purchase(purchase(history("r8", "2026-02-10"), "2026-02-28", "7.00"), "2026-03-01", "3.00").build());

    @Test
    void activeUsersAreThoseWithAnyActivityInTheWindow() {
        // r1 on 03-03, r2 to r5 registered, r8 bought on 03-01; r6 came after, r7 left before
        assertThat(kpis().activeUsers()).isEqualTo(6);
        assertThat(kpis().registeredUsers()).isEqualTo(4);
    }

    @Test
    void activationCountsOnlyActivationsByTheEndOfTheWindow() {
        // r2 of r2..r5; r4 activated on 03-08
        assertThat(kpis().activationRate()).isEqualTo(new BigDecimal("0.2500"));
    }

    @Test
    void nextDayRetentionLeavesOutUsersWhoseNextDayIsAfterTheWindow() {
        // r2, r3 and r4 could return the next day, r2 and r4 did; r5 registered on the last day
        assertThat(kpis().nextDayRetention()).isEqualTo(new BigDecimal("0.6667"));
    }

    @Test
    void averageOrderValueTakesThePurchasesMadeInTheWindow() {
        // 10.00 + 20.00 + 5.50 + 3.00 over 4 purchases = 9.625; r8's 7.00 and r4's 100.00 are outside
        assertThat(kpis().averageOrderValue()).isEqualTo(new BigDecimal("9.63"));
    }

    @Test
    void repeatPurchaseRateIsTheShareOfTheWindowsBuyersWhoBoughtTwiceInIt() {
        // r1 of r1, r2 and r8: r8's first purchase was before the window
        assertThat(kpis().repeatPurchaseRate()).isEqualTo(new BigDecimal("0.3333"));
    }

    @Test
    void viralCoefficientIsTheReferralsOfTheWindowsNewUsersPerNewUser() {
        // r2 brought r3 and r4, r3 brought r5: 3 for 4 new users; r6 came after the window, r1 before it
        assertThat(kpis().viralCoefficient()).isEqualTo(new BigDecimal("0.7500"));
    }

    @Test
    void sharesOfNobodyAreAbsentRatherThanZero() {
        Kpis empty = Kpis.compute(USERS, day("2026-01-01"), day("2026-01-31"));

        assertThat(empty.activeUsers()).isZero();
        assertThat(empty.activationRate()).isNull();
        assertThat(empty.nextDayRetention()).isNull();
        assertThat(empty.averageOrderValue()).isNull();
        assertThat(empty.repeatPurchaseRate()).isNull();
        assertThat(empty.viralCoefficient()).isNull();
    }

    @Test
    void manyPurchasesOnOneDayAllCount() {
        UserFacts buyer = purchase(purchase(purchase(history("b", "2026-03-01"), "2026-03-02", "1.00"),
                                            "2026-03-02", "2.00"), "2026-03-02", "3.00").build();

        Kpis kpis = Kpis.compute(List.of(buyer), day("2026-03-02"), day("2026-03-02"));

        assertThat(kpis.averageOrderValue()).isEqualTo(new BigDecimal("2.00"));
        assertThat(kpis.repeatPurchaseRate()).isEqualTo(new BigDecimal("1.0000"));
    }

    private static Kpis kpis() {
        return Kpis.compute(USERS, FROM, TO);
    }

    private static UserFactsBuilder referred(String id, String registered, String referrerId) {
        return new UserFactsBuilder(id).registered(day(registered), referrerId);
    }
}
