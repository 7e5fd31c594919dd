package dev.userlifecycle.sagas.crisis;

import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.Severity;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the crisis-compensation saga treats the users of an incident.
 *
 * @param pointsBySeverity the compensation in loyalty points, for every severity
 * @param apologyChannels  the channels of the apology, in order of preference: the first one a user consented to is
 *                         used; {@link Channel#CALL} needs no consent, so with it last every user can be reached
 * @param retryInterval    how long after a failed apology or compensation the saga tries again
 * @param batchSize        how many users one unit of work of the saga tries
 */
public record CompensationSettings(Map<Severity, Long> pointsBySeverity, List<Channel> apologyChannels,
                                   Duration retryInterval, int batchSize) {

    public CompensationSettings {
        pointsBySeverity = new EnumMap<>(pointsBySeverity);
        for (Severity severity : Severity.values()) {
            Long points = pointsBySeverity.get(severity);
            if (points == null || points <= 0) {
                throw new IllegalArgumentException("compensation points for " + severity + " must be positive: "
                                                           + points);
            }
        }
        if (apologyChannels == null || apologyChannels.isEmpty()) {
            throw new IllegalArgumentException("the apology needs at least one channel");
        }
        apologyChannels = List.copyOf(apologyChannels);
        if (retryInterval == null || retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("the retry interval must be positive: " + retryInterval);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("the batch size must be positive: " + batchSize);
        }
    }

    long pointsFor(Severity severity) {
        return pointsBySeverity.get(severity);
    }
}
