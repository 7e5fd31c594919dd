package dev.userlifecycle.query.retention;

import dev.userlifecycle.events.WakeUpOutcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reproducible random win-back histories: registrations spread over some days, dormancies from a few days to some
 * weeks apart (closer than any real dormancy period, so that a user can go dormant twice in one window), and wake-up
 * entries in either group with steps contacted or skipped and any outcome.
 */
public final class RandomWinBacks {

    private static final String[] STEPS = {"sms", "push", "call"};
    private static final String[] REASONS = {"NO_CONSENT", "FREQUENCY_CAP", "WINDOW_CLOSED"};

    private RandomWinBacks() {
    }

    public static List<WinBackFacts> generate(long seed, int count, LocalDate firstDay, int days) {
        Random random = new Random(seed);
        List<WinBackFacts> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int registered = (int) firstDay.toEpochDay() + random.nextInt(days);
            List<Integer> dormancies = new ArrayList<>();
            List<WakeUpEntry> entries = new ArrayList<>();
            int day = registered;
            for (int episode = random.nextInt(4); episode > 0; episode--) {
                day += 1 + random.nextInt(random.nextBoolean() ? 10 : 45);
                dormancies.add(day);
                if (random.nextInt(3) > 0) {
                    entries.add(entry(random, "wake-" + i + "-" + day, day + random.nextInt(2)));
                }
            }
            users.add(new WinBackFacts("u-" + i, registered, dormancies.stream().mapToInt(Integer::intValue).toArray(),
                                       entries));
        }
        return users;
    }

    private static WakeUpEntry entry(Random random, String campaignId, int day) {
        List<String> contacted = new ArrayList<>();
        List<WakeUpEntry.Skip> skipped = new ArrayList<>();
        boolean holdout = random.nextInt(3) == 0;
        for (String step : STEPS) {
            switch (random.nextInt(3)) {
                case 0 -> contacted.add(step);
                case 1 -> skipped.add(new WakeUpEntry.Skip(step, holdout ? "HOLDOUT" : REASONS[random.nextInt(3)]));
                default -> {
                }
            }
        }
        WakeUpOutcome outcome = switch (random.nextInt(3)) {
            case 0 -> WakeUpOutcome.REACTIVATED;
            case 1 -> WakeUpOutcome.EXPIRED;
            default -> null;
        };
        return new WakeUpEntry(campaignId, day, holdout, holdout ? List.of() : contacted, skipped, outcome);
    }
}
