package dev.userlifecycle.query.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserEvent;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserWentDormant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserFactsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void eventsBecomeDaysOfThePlatformsTimeZone() {
        List<UserEvent> history = List.of(
                new UserRegistered("u-1", new AcquisitionChannel("app-store", null, null), "u-0", null, null,
                                   ChannelConsents.none(), Instant.parse("2026-02-28T17:30:00Z")),
                new UserActiveOnDay("u-1", LocalDate.of(2026, 3, 3), ActivityKind.LOGIN,
                                    Instant.parse("2026-03-03T01:00:00Z")),
                new UserActivated("u-1", Instant.parse("2026-03-04T15:59:59Z")),
                new PurchaseMade("u-1", "o-1", Money.of("12.50", "CNY"), Instant.parse("2026-03-04T16:00:00Z"), true),
                new UserWentDormant("u-1", Instant.parse("2026-03-04T16:00:00Z"), Instant.parse("2026-04-03T16:00:00Z")));

        UserFactsBuilder builder = new UserFactsBuilder("u-1");
        history.forEach(event -> builder.apply(event, SHANGHAI));

        assertThat(builder.build()).isEqualTo(new UserFacts(
                "u-1", day("2026-03-01"), day("2026-03-04"),
                new int[] {day("2026-03-01"), day("2026-03-03"), day("2026-03-05")},
                new int[] {day("2026-03-05")}, new long[] {1250}, "u-0"));
    }

    @Test
    void repeatedAndUnorderedDaysGiveTheSameFacts() {
        UserFacts inOrder = new UserFactsBuilder("u-1")
                .registered(LocalDate.of(2026, 3, 1), null)
                .activeOn(LocalDate.of(2026, 3, 2))
                .purchased(LocalDate.of(2026, 3, 2), new BigDecimal("3"))
                .purchased(LocalDate.of(2026, 3, 9), new BigDecimal("1234567890123.45"))
                .build();
        UserFacts shuffled = new UserFactsBuilder("u-1")
                .purchased(LocalDate.of(2026, 3, 9), new BigDecimal("1234567890123.45"))
                .activeOn(LocalDate.of(2026, 3, 2))
                .activeOn(LocalDate.of(2026, 3, 9))
                .purchased(LocalDate.of(2026, 3, 2), new BigDecimal("3.00"))
                .registered(LocalDate.of(2026, 3, 1), null)
                .activeOn(LocalDate.of(2026, 3, 2))
                .build();

        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(inOrder.activeDays()).containsExactly(day("2026-03-01"), day("2026-03-02"), day("2026-03-09"));
        assertThat(inOrder.purchaseAmounts()).containsExactly(300, 123456789012345L);
        assertThat(inOrder.firstPurchaseDay()).isEqualTo(day("2026-03-02"));
    }

    @Test
    void findsTheLastActiveDayUntilAGivenDay() {
        UserFacts facts = new UserFactsBuilder("u-1").registered(LocalDate.of(2026, 3, 1), null)
                .activeOn(LocalDate.of(2026, 3, 5)).build();

        assertThat(facts.lastActiveDayUntil(day("2026-02-28"))).isEqualTo(UserFacts.NONE);
        assertThat(facts.lastActiveDayUntil(day("2026-03-04"))).isEqualTo(day("2026-03-01"));
        assertThat(facts.lastActiveDayUntil(day("2026-03-05"))).isEqualTo(day("2026-03-05"));
        assertThat(facts.lastActiveDayUntil(day("2026-12-31"))).isEqualTo(day("2026-03-05"));
    }

    @Test
    void rejectsFactsWhereRegisteringOrPurchasingWasNotActivity() {
        int registered = day("2026-03-01");
        int[] none = new int[0];
        assertThatIllegalArgumentException().isThrownBy(() -> new UserFacts(
                "u-1", registered, UserFacts.NONE, new int[] {registered + 1}, none, new long[0], null));
        assertThatIllegalArgumentException().isThrownBy(() -> new UserFacts(
                "u-1", registered, UserFacts.NONE, new int[] {registered}, new int[] {registered + 1}, new long[] {1},
                null));
        assertThatIllegalArgumentException().isThrownBy(() -> new UserFacts(
                "u-1", registered, UserFacts.NONE, new int[] {registered, registered}, none, new long[0], null));
    }

    static int day(String isoDay) {
        return (int) LocalDate.parse(isoDay).toEpochDay();
    }
}
