package dev.userlifecycle.query.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Reproducible random histories: registrations spread over some days, bursts of activity, a few purchases. */
public final class RandomUsers {

    private RandomUsers() {
    }

    public static List<UserFacts> generate(long seed, int count, LocalDate firstDay, int days) {
        Random random = new Random(seed);
        List<UserFacts> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate registered = firstDay.plusDays(random.nextInt(days));
            String referrer = i > 0 && random.nextInt(4) == 0 ? "u-" + random.nextInt(i) : null;
            UserFactsBuilder user = new UserFactsBuilder("u-" + i).registered(registered, referrer);
            LocalDate day = registered;
            while (true) {
                day = day.plusDays(1 + random.nextInt(random.nextBoolean() ? 3 : 20));
                if (random.nextInt(6) == 0 || day.isAfter(firstDay.plusDays(days + 30))) {
                    break;
                }
                if (random.nextInt(5) == 0) {
                    user.purchased(day, BigDecimal.valueOf(1 + random.nextInt(20_000), 2));
                    if (random.nextInt(3) == 0) {
                        user.purchased(day, BigDecimal.valueOf(1 + random.nextInt(5_000), 2));
                    }
                } else {
                    user.activeOn(day);
                }
                if (random.nextInt(4) == 0) {
                    user.activated(day);
                }
            }
            users.add(user.build());
        }
        return users;
    }
}
