package dev.userlifecycle.sagas.dormancy;

import dev.userlifecycle.sagas.CommandOrigin;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/**
 * The daily dormancy sweep as of the clock's now: at 02:30 of the platform's time zone unless
 * {@code lifecycle.dormancy.schedule} says otherwise ({@code "-"} turns it off).
 */
public class ScheduledDormancySweep {

    private final DormancySweep sweep;
    private final Clock clock;

    public ScheduledDormancySweep(DormancySweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Scheduled(cron = "${lifecycle.dormancy.schedule:0 30 2 * * *}", zone = "${lifecycle.time-zone:UTC}")
    public void run() {
        sweep.sweep(clock.instant(), CommandOrigin.scheduledSweep(DormancySweep.NAME));
    }
}
