package dev.userlifecycle.query.layering;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic users in personas that any sensible layering tells apart. */
final class Population {

    enum Persona {
        BIG_SPENDERS(0, 3, 15, 25, 20, 40, 100, 150),
        NEWCOMERS(0, 5, 1, 5, 1, 1, 20, 100),
        STEADY(7, 20, 1, 4, 3, 8, 80, 120),
        FADING(50, 75, 0, 0, 2, 5, 50, 100),
        LONG_GONE(270, 400, 0, 0, 1, 2, 30, 80);

        private final int minRecency, maxRecency, minActive30, maxActive30, minPurchases, maxPurchases;
        private final double minOrderValue, maxOrderValue;

        Persona(int minRecency, int maxRecency, int minActive30, int maxActive30,
                int minPurchases, int maxPurchases, double minOrderValue, double maxOrderValue) {
            this.minRecency = minRecency;
            this.maxRecency = maxRecency;
            this.minActive30 = minActive30;
            this.maxActive30 = maxActive30;
            this.minPurchases = minPurchases;
            this.maxPurchases = maxPurchases;
            this.minOrderValue = minOrderValue;
            this.maxOrderValue = maxOrderValue;
        }

        UserFeatures user(String userId, Random random) {
            int recency = between(random, minRecency, maxRecency);
            int active30 = between(random, minActive30, maxActive30);
            int active90 = recency >= 90 ? 0 : Math.min(90, active30 * 3 + between(random, 1, 3));
            int purchases = between(random, minPurchases, maxPurchases);
            double orderValue = minOrderValue + random.nextDouble() * (maxOrderValue - minOrderValue);
            return new UserFeatures(userId, recency, active30, active90, purchases, Math.round(purchases * orderValue * 100) / 100.0);
        }

        private static int between(Random random, int min, int max) {
            return min + random.nextInt(max - min + 1);
        }
    }

    private Population() {
    }

    /** {@code perPersona} users of each persona, ids {@code <persona>-<n>}, in an order that is not by id. */
    static List<UserFeatures> of(int perPersona, long seed, Persona... personas) {
        Random random = new Random(seed);
        List<UserFeatures> users = new ArrayList<>();
        for (int i = perPersona - 1; i >= 0; i--) {
            for (Persona persona : personas) {
                users.add(persona.user(persona + "-" + i, random));
            }
        }
        return users;
    }

    static Persona personaOf(String userId) {
        return Persona.valueOf(userId.substring(0, userId.lastIndexOf('-')));
    }
}
