package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivateUser;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The benchmark's users and the commands a frontend would send for them. Users are registered and activated first;
 * then every command moves its user to a later business day: a purchase (new order id) is the user's first activity
 * of its day and records {@code UserActiveOnDay} and {@code PurchaseMade}, an activity records {@code UserActiveOnDay}.
 * So what a command does depends neither on the user's history nor on when in the run it comes: both measuring
 * windows run the same kind of commands (1.7 events per command with 70% purchases).
 */
final class Traffic {

    /** The platform's time zone (the app's default), in which business days are counted. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    private static final ActivityKind[] KINDS = {ActivityKind.LOGIN, ActivityKind.VISIT, ActivityKind.SEARCH,
            ActivityKind.CART};
    private static final String[] CURRENCIES = {"CNY"};

    private final String[] ids;
    private final AtomicIntegerArray day;
    private final AtomicReferenceArray<Op> lastPurchase;
    private final AtomicLong orders = new AtomicLong();
    private final double purchaseShare;

    Traffic(String prefix, int users, double purchaseShare) {
        this.ids = new String[users];
        for (int i = 0; i < users; i++) {
            ids[i] = String.format("%s-%06d", prefix, i);
        }
        this.day = new AtomicIntegerArray(users);
        this.lastPurchase = new AtomicReferenceArray<>(users);
        this.purchaseShare = purchaseShare;
    }

    RegisterUser registration(int user) {
        return new RegisterUser(ids[user], new AcquisitionChannel("app-store", "cpc", "spring-sale"), null, "CN-31",
                                null, new ChannelConsents(true, true, false), registeredAt());
    }

    ActivateUser activation(int user) {
        return new ActivateUser(ids[user], registeredAt().plusSeconds(3600));
    }

    /** The events {@link #registration} and {@link #activation} lead to, for stores filled without the commands. */
    List<DomainEventMessage<?>> registeredAndActivated(int user) {
        RegisterUser command = registration(user);
        return List.of(new GenericDomainEventMessage<>(Filler.AGGREGATE_TYPE, command.userId(), 0, new UserRegistered(
                               command.userId(), command.channel(), command.referrerId(), command.region(),
                               command.contact(), command.consents(), command.occurredAt())),
                       new GenericDomainEventMessage<>(Filler.AGGREGATE_TYPE, command.userId(), 1, new UserActivated(
                               command.userId(), activation(user).occurredAt())));
    }

    int users() {
        return ids.length;
    }

    private static Instant registeredAt() {
        return FIRST_DAY.minusDays(1).atTime(12, 0).atZone(ZONE).toInstant();
    }

    /**
     * A purchase sent before again (same order id): the whole path of a command up to the aggregate's decision,
     * which is to record nothing. Null if the chosen users have no purchase yet.
     */
    Op repeat(Random random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Op op = lastPurchase.get(random.nextInt(ids.length));
            if (op != null) {
                return op;
            }
        }
        return null;
    }

    Op next(Random random) {
        int user = random.nextInt(ids.length);
        LocalDate date = FIRST_DAY.plusDays(day.incrementAndGet(user));
        if (random.nextDouble() < purchaseShare) {
            Instant at = date.atTime(12, 0).atZone(ZONE).toInstant().plusSeconds(60L * random.nextInt(600));
            String amount = String.format("%d.%02d", 1 + random.nextInt(500), random.nextInt(100));
            Op op = Op.purchase(ids[user], "o-" + orders.incrementAndGet(), amount,
                                CURRENCIES[random.nextInt(CURRENCIES.length)], at, date);
            lastPurchase.set(user, op);
            return op;
        }
        Instant at = date.atTime(9, 30).atZone(ZONE).toInstant();
        return Op.activity(ids[user], KINDS[random.nextInt(KINDS.length)], at, date);
    }

    /** One command, as an Axon command and as the HTTP request of the command API. */
    record Op(String userId, String orderId, String amount, String currency, ActivityKind kind, Instant at,
              LocalDate day) {

        static Op purchase(String userId, String orderId, String amount, String currency, Instant at, LocalDate day) {
            return new Op(userId, orderId, amount, currency, null, at, day);
        }

        static Op activity(String userId, ActivityKind kind, Instant at, LocalDate day) {
            return new Op(userId, null, null, null, kind, at, day);
        }

        boolean isPurchase() {
            return orderId != null;
        }

        Object command() {
            return isPurchase()
                    ? new RecordPurchase(userId, orderId, Money.of(amount, currency), at, day)
                    : new RecordActivity(userId, kind, at, day);
        }

        String path() {
            return "/api/v1/users/" + userId + (isPurchase() ? "/purchases" : "/activities");
        }

        String json() {
            return isPurchase()
                    ? "{\"orderId\":\"" + orderId + "\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\""
                            + currency + "\"},\"occurredAt\":\"" + at + "\"}"
                    : "{\"kind\":\"" + kind + "\",\"occurredAt\":\"" + at + "\"}";
        }
    }
}
