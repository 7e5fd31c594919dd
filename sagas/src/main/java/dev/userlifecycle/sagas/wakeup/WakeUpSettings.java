package dev.userlifecycle.sagas.wakeup;

import dev.userlifecycle.events.FrequencyCap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How wake-up campaigns run.
 *
 * @param maxDormancyAge   a dormancy further than this from the clock (imported history, a processor catching up on
 *                         old events, business times ahead of the clock) starts no campaign
 * @param holdoutPercent   the share of users, 0 to 100, kept out of every contact as the control group
 * @param window           how long a campaign runs from the user's entry; a user reactivated within it counts as won
 * @param steps            the plan, each step at its offset from the entry
 * @param quietHours       when no step runs: a step due in them runs at their end
 * @param frequencyCap     the cap every step asks the user to respect (all campaigns' contacts count)
 * @param retryDelay       after a failed delivery, how much later the step is delivered again
 * @param deliveryAttempts how many deliveries a step gets at most
 */
public record WakeUpSettings(Duration maxDormancyAge, double holdoutPercent, Duration window, List<WakeUpStep> steps,
                             QuietHours quietHours, FrequencyCap frequencyCap, Duration retryDelay,
                             int deliveryAttempts) {

    public WakeUpSettings {
        requirePositive(maxDormancyAge, "maxDormancyAge");
        requirePositive(window, "window");
        requirePositive(retryDelay, "retryDelay");
        if (!(holdoutPercent >= 0 && holdoutPercent <= 100)) {
            throw new IllegalArgumentException("holdoutPercent must be from 0 to 100: " + holdoutPercent);
        }
        steps = List.copyOf(steps);
        if (steps.stream().map(WakeUpStep::name).distinct().count() != steps.size()) {
            throw new IllegalArgumentException("the names of wake-up steps must differ: " + steps);
        }
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(frequencyCap, "frequencyCap");
        if (deliveryAttempts < 1) {
            throw new IllegalArgumentException("deliveryAttempts must be at least 1: " + deliveryAttempts);
        }
    }

    /** Whether a user who became dormant at {@code dormantAt} is still worth a campaign {@code now}. */
    boolean isCurrent(Instant dormantAt, Instant now) {
        return Duration.between(dormantAt, now).abs().compareTo(maxDormancyAge) <= 0;
    }

    /** Whether the user is in the control group of the campaign: a stable hash, the same in every process. */
    public boolean inHoldout(String userId, String campaignId) {
        return Holdout.contains(holdoutPercent, userId, campaignId);
    }

    Optional<WakeUpStep> step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
