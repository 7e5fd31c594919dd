package dev.userlifecycle.app.query;

import dev.userlifecycle.query.rebuild.RebuildSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How projection rebuilds run ({@code lifecycle.query.rebuild.*}).
 *
 * @param batchSize        events per batch of a copy's processor (default: the live processors' batch size)
 * @param progressInterval how often progress is stored and the copy checked for having caught up
 * @param switchTimeout    how long the live processor may stay stopped while the copy reaches it
 * @param retireDelay      how long the replaced generation is kept after the switch
 */
@ConfigurationProperties("lifecycle.query.rebuild")
record RebuildProperties(int batchSize, Duration progressInterval, Duration switchTimeout, Duration retireDelay) {

    RebuildSettings settings() {
        return new RebuildSettings(batchSize, progressInterval, switchTimeout, retireDelay);
    }
}
