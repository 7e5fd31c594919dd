package dev.userlifecycle.query.layers;

import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.UserFactsBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random but repeatable user histories: registration, active days and purchases within a year before a day. */
public final class Histories {

    private Histories() {
    }

    /** {@code users} histories, ids {@code u-0} …, all registered no later than {@code lastDay}. */
    public static List<UserFacts> of(int users, long seed, LocalDate lastDay) {
        SplittableRandom random = new SplittableRandom(seed);
        List<UserFacts> histories = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            histories.add(history("u-" + i, random, lastDay));
        }
        return histories;
    }

    static UserFacts history(String userId, SplittableRandom random, LocalDate lastDay) {
        LocalDate registered = lastDay.minusDays(random.nextInt(365));
        UserFactsBuilder builder = new UserFactsBuilder(userId).registered(registered, null);
        int span = (int) (lastDay.toEpochDay() - registered.toEpochDay());
        int visits = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 40);
        for (int v = 0; v < visits && span > 0; v++) {
            builder.activeOn(registered.plusDays(random.nextInt(span + 1)));
        }
        int purchases = random.nextInt(3) == 0 ? random.nextInt(1, 8) : 0;
        for (int p = 0; p < purchases; p++) {
            builder.purchased(registered.plusDays(random.nextInt(span + 1)),
                              BigDecimal.valueOf(random.nextLong(100, 50_000), 2));
        }
        return builder.build();
    }
}
