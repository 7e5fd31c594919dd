package dev.userlifecycle.query.rebuild;

import java.time.Duration;

/**
 * How rebuilds run.
 *
 * @param batchSize        events per batch of a copy's tracking processor
 * @param progressInterval how often progress is sampled and stored, and the copy checked for having caught up
 * @param switchTimeout    how long the live processor may stay stopped while the copy reaches its position; past
 *                         it the live processor goes on and the switch is tried again later
 * @param retireDelay      how long the generation a switch replaced is kept, so reads that began on it finish
 */
public record RebuildSettings(int batchSize, Duration progressInterval, Duration switchTimeout, Duration retireDelay) {

    public RebuildSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size of a rebuild must be at least 1, not " + batchSize);
        }
        if (progressInterval.isNegative() || progressInterval.isZero() || switchTimeout.isNegative()
            || switchTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "the progress interval and switch timeout of a rebuild must be positive");
        }
        if (retireDelay.compareTo(Generations.REFRESH.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the retire delay of a rebuild must be at least "
                                               + Generations.REFRESH.multipliedBy(2)
                                               + ": other processes follow a switch within " + Generations.REFRESH);
        }
    }
}
