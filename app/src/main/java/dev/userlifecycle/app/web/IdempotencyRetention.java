package dev.userlifecycle.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Keeps the answers of requests with an {@code Idempotency-Key} for a retention period (default 24 hours), long
 * enough for any client retry. A sweep rather than a TTL index, because the embedded server ignores TTL indexes.
 */
@Component
class IdempotencyRetention {

    private static final Logger logger = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyFilter filter;
    private final Duration retention;

    IdempotencyRetention(IdempotencyFilter filter,
                         @Value("${lifecycle.idempotency.retention:24h}") Duration retention) {
        this.filter = filter;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${lifecycle.idempotency.sweep-interval:1h}",
               initialDelayString = "${lifecycle.idempotency.sweep-interval:1h}")
    void sweep() {
        long forgotten = filter.forgetOlderThan(retention);
        if (forgotten > 0) {
            logger.info("Forgot {} idempotency keys older than {}", forgotten, retention);
        }
    }
}
