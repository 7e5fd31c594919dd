package dev.userlifecycle.app.eventstore;

import dev.userlifecycle.eventstore.TransactionMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the event storage engine.
 *
 * @param transactions  AUTO (use transactions when the server is a replica set), ALWAYS or NEVER
 * @param gapTimeout    how long tracking waits for a position that is allocated but not visible
 * @param commitTimeout after how long an unwritten claim left by a crash is rolled back (no transactions)
 * @param batchSize     events per tracking or aggregate batch
 */
@ConfigurationProperties("lifecycle.event-store")
public record EventStoreProperties(TransactionMode transactions, Duration gapTimeout, Duration commitTimeout,
                                   Integer batchSize) {

    public EventStoreProperties {
        transactions = transactions == null ? TransactionMode.AUTO : transactions;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        commitTimeout = commitTimeout == null ? Duration.ofSeconds(10) : commitTimeout;
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
