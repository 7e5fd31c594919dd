package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.query.analytics.AnalyticsStore;

import java.time.Duration;

/**
 * The read models of a process with the query role: every streaming processor of the process reaches the event
 * store's head, then the precomputed analytics documents are written at once rather than at the next flush.
 */
final class ProcessorReadModels implements ReadModels {

    private final ProjectionCatchUp catchUp;
    private final AnalyticsStore analytics;
    private final Duration timeout;

    ProcessorReadModels(ProjectionCatchUp catchUp, AnalyticsStore analytics, Duration timeout) {
        this.catchUp = catchUp;
        this.analytics = analytics;
        this.timeout = timeout;
    }

    @Override
    public void awaitCaughtUp() throws InterruptedException {
        catchUp.await(timeout);
        analytics.flush();
    }
}
