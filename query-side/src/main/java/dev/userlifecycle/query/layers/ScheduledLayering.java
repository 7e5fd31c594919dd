package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LayeringTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The recurring layering run, as of the clock's now: weekly on Monday at 03:00 of the platform's time zone unless
 * {@code lifecycle.layering.schedule} says otherwise ({@code "-"} turns it off).
 */
public class ScheduledLayering {

    private static final Logger logger = LoggerFactory.getLogger(ScheduledLayering.class);

    private final LayeringRuns runs;

    public ScheduledLayering(LayeringRuns runs) {
        this.runs = runs;
    }

    @Scheduled(cron = "${lifecycle.layering.schedule:0 0 3 * * MON}", zone = "${lifecycle.time-zone:UTC}")
    public void run() {
        try {
            runs.run(null, null, LayeringTrigger.SCHEDULE);
        } catch (LayeringRunInProgressException | TooFewUsersForLayeringException e) {
            logger.warn("Scheduled layering run skipped: {}", e.getMessage());
        }
    }
}
