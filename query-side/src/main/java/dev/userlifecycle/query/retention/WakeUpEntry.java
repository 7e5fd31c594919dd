package dev.userlifecycle.query.retention;

import dev.userlifecycle.events.WakeUpOutcome;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One wake-up campaign a user entered, as the funnel counts it: the day of entering (platform time zone), the group,
 * the steps the user was contacted in and those skipped with their reason (each step once, in order), and the
 * outcome, {@code null} while the campaign runs.
 */
public record WakeUpEntry(String campaignId, int enteredDay, boolean holdout, List<String> contacted,
                          List<Skip> skipped, WakeUpOutcome outcome) {

    public WakeUpEntry {
        Objects.requireNonNull(campaignId, "campaignId");
        contacted = contacted.stream().distinct().sorted().toList();
        skipped = skipped.stream().distinct().sorted().toList();
    }

    /** A step that was not sent, and why. */
    public record Skip(String step, String reason) implements Comparable<Skip> {

        private static final Comparator<Skip> ORDER = Comparator.comparing(Skip::step).thenComparing(Skip::reason);

        @Override
        public int compareTo(Skip other) {
            return ORDER.compare(this, other);
        }
    }
}
