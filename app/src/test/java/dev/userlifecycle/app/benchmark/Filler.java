package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of a user who is not one of the benchmark's, as the {@code User} aggregate would have written it:
 * registered, activated, then a purchase on each of a series of days (the day's {@code UserActiveOnDay} and the
 * {@code PurchaseMade}), with consecutive sequence numbers from 0.
 */
final class Filler {

    static final String AGGREGATE_TYPE = "User";

    private Filler() {
    }

    static List<DomainEventMessage<?>> history(int index, int events) {
        String userId = String.format("filler-%07d", index);
        LocalDate firstDay = Traffic.FIRST_DAY.minusDays(400 - index % 365);
        Instant registeredAt = firstDay.atTime(10, 0).atZone(Traffic.ZONE).toInstant();
        List<DomainEventMessage<?>> history = new ArrayList<>(events);
        history.add(event(userId, 0, new UserRegistered(userId, new AcquisitionChannel("web", "seo", null), null,
                                                        "CN-44", null, new ChannelConsents(false, true, true),
                                                        registeredAt)));
        history.add(event(userId, 1, new UserActivated(userId, registeredAt.plusSeconds(60))));
        int purchase = 0;
        while (history.size() < events) {
            LocalDate day = firstDay.plusDays(1 + purchase * 3L);
            Instant at = day.atTime(20, 15).atZone(Traffic.ZONE).toInstant();
            if (history.size() + 1 < events) {
                history.add(event(userId, history.size(), new UserActiveOnDay(userId, day, ActivityKind.PURCHASE,
                                                                              at)));
            }
            history.add(event(userId, history.size(), new PurchaseMade(
                    userId, "fo-" + index + "-" + purchase,
                    new Money(BigDecimal.valueOf(1000 + (index * 37L + purchase * 101L) % 50_000, 2), "CNY"), at,
                    purchase == 0)));
            purchase++;
        }
        return history;
    }

    private static DomainEventMessage<?> event(String userId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, userId, sequence, payload);
    }
}
