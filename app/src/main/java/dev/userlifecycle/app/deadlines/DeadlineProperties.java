package dev.userlifecycle.app.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How deadlines are run.
 *
 * @param pollInterval how often the job server looks for deadlines that are due: a deadline fires up to this late;
 *                     JobRunr refuses less than 5 seconds
 * @param workers      how many deadlines are handled at the same time
 */
@ConfigurationProperties("lifecycle.deadlines")
public record DeadlineProperties(Duration pollInterval, int workers) {

    static final Duration MINIMUM_POLL_INTERVAL = Duration.ofSeconds(5);

    public DeadlineProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        workers = workers <= 0 ? 2 : workers;
        if (pollInterval.compareTo(MINIMUM_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "lifecycle.deadlines.poll-interval must be at least 5s (JobRunr's minimum), not " + pollInterval);
        }
    }
}
