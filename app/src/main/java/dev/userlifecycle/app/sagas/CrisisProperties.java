package dev.userlifecycle.app.sagas;

import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.Severity;
import dev.userlifecycle.sagas.crisis.CompensationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How incidents are made good, see {@link CompensationSettings}.
 *
 * @param compensationPoints loyalty points per affected user, for each severity
 * @param apologyChannels    the apology's channels in order of preference
 * @param retryInterval      the pause before a failed apology or compensation is tried again
 * @param batchSize          users per unit of work of the saga
 */
@ConfigurationProperties("lifecycle.crisis")
public record CrisisProperties(Map<Severity, Long> compensationPoints, List<Channel> apologyChannels,
                               Duration retryInterval, Integer batchSize) {

    CompensationSettings settings() {
        return new CompensationSettings(compensationPoints == null ? Map.of() : compensationPoints, apologyChannels,
                                        retryInterval, batchSize == null ? 0 : batchSize);
    }
}
