package dev.userlifecycle.sagas.dormancy;

import java.time.Duration;
import java.time.Instant;

/**
 * What one dormancy sweep did.
 *
 * @param candidates users the read model named: active, no activity for the period as of {@code asOf}
 * @param marked     candidates that became dormant
 * @param skipped    candidates the user aggregate refused because they are no longer active or were active since
 * @param failed     candidates whose command failed otherwise; the next sweep tries them again
 */
public record DormancySweepReport(Instant asOf, Duration dormancyPeriod, long candidates, long marked, long skipped,
                                  long failed) {
}
