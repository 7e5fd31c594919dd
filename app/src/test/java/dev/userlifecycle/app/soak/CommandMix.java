package dev.userlifecycle.app.soak;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The soak test's commands, drawn at random (seeded) in fixed shares: registrations (a fifth of them naming an
 * earlier user as referrer), activations, activities, purchases with an order id, redemptions of one point, and
 * consent changes. A command goes to a registered user with no other command in flight; when no such user fits, a
 * registration goes out instead. Business times start 200 days back, so every purchase's points are credited (they
 * live a year) and every command's business time lies in the past.
 */
final class CommandMix {

    enum Kind { REGISTER, ACTIVATE, ACTIVITY, PURCHASE, REDEEM, CONSENTS }

    /** The platform's time zone the service is started with: business days are its calendar days. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final int[] WEIGHTS = {10, 5, 33, 35, 7, 10};
    private static final String[] ACTIVITIES = {"LOGIN", "VISIT", "SEARCH", "CART"};
    private static final Duration HISTORY = Duration.ofDays(200);

    /** One command as the client sends it, with the identifiers its effect is checked by. */
    record Command(Kind kind, SoakUser user, String method, String path, String body, String idempotencyKey,
                   String orderId, String redemptionId, boolean[] consents) {

        @Override
        public String toString() {
            return kind + " " + path + " " + body;
        }
    }

    private final Random random;
    private final Instant start;
    private final List<SoakUser> users = new ArrayList<>();
    private final List<SoakUser> registered = new ArrayList<>();
    private long orders;
    private long redemptions;

    CommandMix(long seed, Instant now) {
        this.random = new Random(seed);
        this.start = now.minus(HISTORY).atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant();
    }

    /** Every user a registration was sent for. */
    synchronized List<SoakUser> users() {
        return List.copyOf(users);
    }

    /** Makes a registered user eligible for further commands. */
    synchronized void noteRegistered(SoakUser user) {
        registered.add(user);
    }

    /** The next command; its user is claimed (busy) until {@link SoakUser#release()}. */
    synchronized Command next(Instant now) {
        Kind kind = kind();
        if (kind != Kind.REGISTER) {
            for (int attempt = 0; attempt < 20 && !registered.isEmpty(); attempt++) {
                SoakUser user = registered.get(random.nextInt(registered.size()));
                if (fits(kind, user, now) && user.claim()) {
                    if (fits(kind, user, now)) {
                        return command(kind, user);
                    }
                    user.release();
                }
            }
        }
        return registration();
    }

    private Kind kind() {
        int total = 0;
        for (int weight : WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            pick -= WEIGHTS[i];
            if (pick < 0) {
                return Kind.values()[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static boolean fits(Kind kind, SoakUser user, Instant now) {
        if (user.days() > HISTORY.toDays() - 10) {
            return false; // its business time would reach the present
        }
        return switch (kind) {
            case ACTIVATE -> !user.isActivated();
            case REDEEM -> user.mayHavePoints(now);
            default -> true;
        };
    }

    /** A registration, whatever the shares say: the users the run starts with. */
    synchronized Command nextRegistration() {
        return registration();
    }

    synchronized int registeredUsers() {
        return registered.size();
    }

    private Command registration() {
        String id = String.format("soak-%06d", users.size());
        SoakUser referrer = registered.isEmpty() || random.nextInt(5) != 0 ? null
                : registered.get(random.nextInt(registered.size()));
        SoakUser user = new SoakUser(id, referrer == null ? null : referrer.id,
                                     start.plus(Duration.ofDays(random.nextInt(3))), random.nextInt(600));
        users.add(user);
        user.claim();
        String body = "{\"userId\":\"" + id + "\",\"occurredAt\":\"" + user.registeredAt() + "\","
                      + "\"channel\":{\"source\":\"soak\",\"medium\":\"test\",\"campaign\":\"kill-9\"},"
                      + (referrer == null ? "" : "\"referrerId\":\"" + referrer.id + "\",")
                      + "\"consents\":{\"sms\":false,\"push\":false,\"email\":false}}";
        return new Command(Kind.REGISTER, user, "POST", "/api/v1/users", body, key(), null, null, null);
    }

    private Command command(Kind kind, SoakUser user) {
        String at = user.nextBusinessTime(random.nextInt(600)).toString();
        String base = "/api/v1/users/" + user.id;
        return switch (kind) {
            case ACTIVATE -> new Command(kind, user, "POST", base + "/activation",
                                         "{\"occurredAt\":\"" + at + "\"}", key(), null, null, null);
            case ACTIVITY -> new Command(kind, user, "POST", base + "/activities",
                                         "{\"kind\":\"" + ACTIVITIES[random.nextInt(ACTIVITIES.length)]
                                         + "\",\"occurredAt\":\"" + at + "\"}", key(), null, null, null);
            case PURCHASE -> {
                String orderId = "o-" + (++orders);
                String amount = (1 + random.nextInt(200)) + "." + String.format("%02d", random.nextInt(100));
                yield new Command(kind, user, "POST", base + "/purchases",
                                  "{\"orderId\":\"" + orderId + "\",\"amount\":{\"amount\":\"" + amount
                                  + "\",\"currency\":\"CNY\"},\"occurredAt\":\"" + at + "\"}", key(), orderId, null,
                                  null);
            }
            case REDEEM -> {
                String redemptionId = "r-" + (++redemptions);
                yield new Command(kind, user, "POST", base + "/points/redemptions",
                                  "{\"points\":1,\"reason\":\"soak\",\"redemptionId\":\"" + redemptionId
                                  + "\",\"occurredAt\":\"" + at + "\"}", key(), null, redemptionId, null);
            }
            case CONSENTS -> {
                boolean[] now = user.consents();
                boolean[] to;
                do {
                    to = new boolean[]{random.nextBoolean(), random.nextBoolean(), random.nextBoolean()};
                } while (java.util.Arrays.equals(now, to));
                yield new Command(kind, user, "PUT", base + "/consents",
                                  "{\"sms\":" + to[0] + ",\"push\":" + to[1] + ",\"email\":" + to[2]
                                  + ",\"occurredAt\":\"" + at + "\"}", key(), null, null, to);
            }
            case REGISTER -> throw new IllegalArgumentException("registrations have their own method");
        };
    }

    private String key() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
