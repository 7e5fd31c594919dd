package dev.userlifecycle.app.query;

import dev.userlifecycle.query.analytics.AnalyticsStore;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Writes the precomputed analytics documents that changed, about once a second: the counters follow every event
 * at once, the documents that queries read follow within the flush interval.
 */
class AnalyticsFlushing {

    private final AnalyticsStore store;

    AnalyticsFlushing(AnalyticsStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${lifecycle.query.analytics-flush-interval:1s}")
    void flush() {
        store.flush();
    }
}
