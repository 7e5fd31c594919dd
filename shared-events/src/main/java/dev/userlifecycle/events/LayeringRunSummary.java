package dev.userlifecycle.events;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of the list of layering runs ({@link FindLayeringRuns}); the fields mean what they mean in {@link LayeringRun}. */
public record LayeringRunSummary(
        String runId,
        Instant asOf,
        LocalDate asOfDay,
        LayeringTrigger trigger,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        int k,
        long users) {
}
