package dev.userlifecycle.command;

import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserWentDormant;
import org.hamcrest.Matcher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.test.matchers.Matchers.matches;

/** Business times and events of one user's history, counted in days from the start of the test's timeline. */
final class Timeline {

    static final String USER = "u-1";
    static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");
    static final LocalDate DAY0 = LocalDate.parse("2026-03-01");
    static final AcquisitionChannel CHANNEL = new AcquisitionChannel("search", "cpc", "spring-sale");
    /** SMS and e-mail, no push. */
    static final ChannelConsents CONSENTS = new ChannelConsents(true, false, true);
    static final Money AMOUNT = Money.of("12.50", "CNY");
    static final Duration DORMANCY = Duration.ofDays(30);

    private Timeline() {
    }

    static Instant at(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    static LocalDate day(int day) {
        return DAY0.plusDays(day);
    }

    static UserRegistered registered() {
        return registered(USER);
    }

    static UserRegistered registered(String userId) {
        return new UserRegistered(userId, CHANNEL, null, null, null, CONSENTS, T0);
    }

    static UserActivated activated(int day) {
        return new UserActivated(USER, at(day));
    }

    static UserActiveOnDay activeOn(int day) {
        return new UserActiveOnDay(USER, day(day), ActivityKind.LOGIN, at(day));
    }

    static PurchaseMade purchased(String orderId, int day, boolean first) {
        return new PurchaseMade(USER, orderId, AMOUNT, at(day), first);
    }

    /** Dormant {@link #DORMANCY} after being last active on {@code lastActiveDay}. */
    static UserWentDormant dormantAfter(int lastActiveDay) {
        return new UserWentDormant(USER, at(lastActiveDay), at(lastActiveDay).plus(DORMANCY));
    }

    static Matcher<?> violationOf(String field) {
        return matches(e -> e instanceof BusinessRuleViolation violation && field.equals(violation.field()));
    }
}
