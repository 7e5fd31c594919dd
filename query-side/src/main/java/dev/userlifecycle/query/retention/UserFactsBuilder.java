package dev.userlifecycle.query.retention;

import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserEvent;
import dev.userlifecycle.events.UserRegistered;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Folds a user's history into {@link UserFacts}. Days come in any order and repeat freely: the facts are the same
 * for the same set of events, so replaying or redelivering an event changes nothing (purchases are told apart by
 * the caller, who sees each order once).
 */
public final class UserFactsBuilder {

    private static final int[] NO_DAYS = new int[0];
    private static final long[] NO_AMOUNTS = new long[0];

    private final String userId;
    private int registeredDay = UserFacts.NONE;
    private int activatedDay = UserFacts.NONE;
    private String referrerId;
    private int[] activeDays = new int[4];
    private int activeCount;
    private int[] purchaseDays = NO_DAYS;
    private long[] purchaseAmounts = NO_AMOUNTS;
    private int purchaseCount;

    public UserFactsBuilder(String userId) {
        this.userId = userId;
    }

    /**
     * Takes in one event of the user's stream; events that say nothing about activity, purchases or referral are
     * ignored. {@code zone} is the platform's time zone, which turns business times into days.
     */
    public UserFactsBuilder apply(UserEvent event, ZoneId zone) {
        if (event instanceof UserRegistered registered) {
            return registered(day(registered.occurredAt(), zone), registered.referrerId());
        }
        if (event instanceof UserActivated activated) {
            return activated(day(activated.occurredAt(), zone));
        }
        if (event instanceof UserActiveOnDay active) {
            return activeOn(active.day());
        }
        if (event instanceof PurchaseMade purchase) {
            return purchased(day(purchase.occurredAt(), zone), purchase.amount().amount());
        }
        return this;
    }

    public UserFactsBuilder registered(LocalDate day, String referrerId) {
        registeredDay = (int) day.toEpochDay();
        this.referrerId = referrerId;
        return activeOn(day);
    }

    public UserFactsBuilder activated(LocalDate day) {
        int epochDay = (int) day.toEpochDay();
        if (activatedDay == UserFacts.NONE || epochDay < activatedDay) {
            activatedDay = epochDay;
        }
        return this;
    }

    public UserFactsBuilder activeOn(LocalDate day) {
        if (activeCount == activeDays.length) {
            activeDays = Arrays.copyOf(activeDays, activeCount * 2);
        }
        activeDays[activeCount++] = (int) day.toEpochDay();
        return this;
    }

    /** A purchase of {@code amount} (at most two decimals) on {@code day}; the day is an active day too. */
    public UserFactsBuilder purchased(LocalDate day, BigDecimal amount) {
        if (purchaseCount == purchaseDays.length) {
            purchaseDays = Arrays.copyOf(purchaseDays, Math.max(2, purchaseCount * 2));
            purchaseAmounts = Arrays.copyOf(purchaseAmounts, purchaseDays.length);
        }
        int epochDay = (int) day.toEpochDay();
        int at = purchaseCount++;
        // purchases arrive nearly in order, so moving the few later ones up is cheap
        for (; at > 0 && purchaseDays[at - 1] > epochDay; at--) {
            purchaseDays[at] = purchaseDays[at - 1];
            purchaseAmounts[at] = purchaseAmounts[at - 1];
        }
        purchaseDays[at] = epochDay;
        purchaseAmounts[at] = amount.movePointRight(2).longValueExact();
        return activeOn(day);
    }

    public UserFacts build() {
        if (registeredDay == UserFacts.NONE) {
            throw new IllegalStateException("user '" + userId + "' has no registration");
        }
        return new UserFacts(userId, registeredDay, activatedDay, distinctSorted(activeDays, activeCount),
                             purchaseCount == 0 ? NO_DAYS : Arrays.copyOf(purchaseDays, purchaseCount),
                             purchaseCount == 0 ? NO_AMOUNTS : Arrays.copyOf(purchaseAmounts, purchaseCount),
                             referrerId);
    }

    private static int[] distinctSorted(int[] values, int count) {
        int[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    private static LocalDate day(Instant occurredAt, ZoneId zone) {
        return LocalDate.ofInstant(occurredAt, zone);
    }
}
