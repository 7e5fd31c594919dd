package dev.userlifecycle.sagas.wakeup;

import dev.userlifecycle.events.Channel;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of the wake-up plan: {@code offset} after the user entered the campaign, contact them on {@code channel}
 * with the message template {@code template}.
 *
 * @param name a name unique in the plan; the user records the step's decision under it
 */
public record WakeUpStep(String name, Duration offset, Channel channel, String template) {

    public WakeUpStep {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("a wake-up step needs a name of 1 to 64 characters: " + name);
        }
        Objects.requireNonNull(channel, "channel of step " + name);
        if (offset == null || offset.isNegative()) {
            throw new IllegalArgumentException("the offset of wake-up step " + name + " must not be negative");
        }
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("wake-up step " + name + " needs a template");
        }
    }
}
