package dev.userlifecycle.app.sagas;

import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.FrequencyCap;
import dev.userlifecycle.sagas.wakeup.QuietHours;
import dev.userlifecycle.sagas.wakeup.WakeUpSettings;
import dev.userlifecycle.sagas.wakeup.WakeUpStep;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * How wake-up campaigns run ({@code lifecycle.wakeup.*}); see {@link WakeUpSettings} for the meaning of each value.
 * The quiet hours are local times of the platform's time zone.
 */
@ConfigurationProperties("lifecycle.wakeup")
public record WakeUpProperties(Duration maxDormancyAge, Double holdoutPercent, Duration window, Quiet quietHours,
                               FrequencyCap frequencyCap, List<WakeUpStep> steps, Duration retryDelay,
                               Integer deliveryAttempts) {

    static final List<WakeUpStep> DEFAULT_STEPS = List.of(
            new WakeUpStep("sms", Duration.ZERO, Channel.SMS, "wake-up-sms"),
            new WakeUpStep("push", Duration.ofDays(2), Channel.PUSH, "wake-up-push"),
            new WakeUpStep("call", Duration.ofDays(5), Channel.CALL, "wake-up-call"));

    public WakeUpProperties {
        maxDormancyAge = maxDormancyAge == null ? Duration.ofDays(3) : maxDormancyAge;
        holdoutPercent = holdoutPercent == null ? 10.0 : holdoutPercent;
        window = window == null ? Duration.ofDays(7) : window;
        quietHours = quietHours == null ? new Quiet(null, null) : quietHours;
        frequencyCap = frequencyCap == null ? new FrequencyCap(3, Duration.ofDays(7)) : frequencyCap;
        steps = steps == null ? DEFAULT_STEPS : steps;
        retryDelay = retryDelay == null ? Duration.ofHours(1) : retryDelay;
        deliveryAttempts = deliveryAttempts == null ? 3 : deliveryAttempts;
    }

    WakeUpSettings settings(ZoneId platformZone) {
        return new WakeUpSettings(maxDormancyAge, holdoutPercent, window, steps, quietHours.in(platformZone),
                                  frequencyCap, retryDelay, deliveryAttempts);
    }

    /** Local times such as {@code 22:00}, bound as text: unquoted, YAML would read 22:00 as a base-60 number. */
    public record Quiet(String from, String until) {

        public Quiet {
            from = from == null || from.isBlank() ? "22:00" : from.trim();
            until = until == null || until.isBlank() ? "08:00" : until.trim();
            time(from, "from");
            time(until, "until");
        }

        QuietHours in(ZoneId zone) {
            return new QuietHours(time(from, "from"), time(until, "until"), zone);
        }

        private static LocalTime time(String value, String name) {
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "lifecycle.wakeup.quiet-hours." + name + " must be a time like 22:00, not " + value);
            }
        }
    }
}
