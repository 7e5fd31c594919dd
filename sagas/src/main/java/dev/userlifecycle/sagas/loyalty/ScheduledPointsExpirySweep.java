package dev.userlifecycle.sagas.loyalty;

import dev.userlifecycle.sagas.CommandOrigin;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/**
 * The daily points expiry sweep as of the clock's now: at 02:00 of the platform's time zone unless
 * {@code lifecycle.loyalty.expiry-schedule} says otherwise ({@code "-"} turns it off).
 */
public class ScheduledPointsExpirySweep {

    private final PointsExpirySweep sweep;
    private final Clock clock;

    public ScheduledPointsExpirySweep(PointsExpirySweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Scheduled(cron = "${lifecycle.loyalty.expiry-schedule:0 0 2 * * *}", zone = "${lifecycle.time-zone:UTC}")
    public void run() {
        sweep.sweep(clock.instant(), CommandOrigin.scheduledSweep(PointsExpirySweep.NAME));
    }
}
