package dev.userlifecycle.app.eventstore;

import dev.userlifecycle.eventstore.TransactionMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the event storage engine.
 *
 * @param transactions  AUTO (use transactions when the server is a replica set), ALWAYS or NEVER
 * @param gapTimeout    how long tracking waits for a position that is allocated but not visible
 * @param batchSize     events per tracking or aggregate batch
 * @param chainTips     aggregates whose hash-chain tip the engine remembers, so that an append to a cached
 *                      aggregate reads nothing before it writes: as many as the aggregate cache holds
 */
@ConfigurationProperties("lifecycle.event-store")
public record EventStoreProperties(TransactionMode transactions, Duration gapTimeout, Integer batchSize,
                                   Integer chainTips) {

    public EventStoreProperties {
        transactions = transactions == null ? TransactionMode.AUTO : transactions;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        batchSize = batchSize == null ? 500 : batchSize;
        chainTips = chainTips == null ? 50_000 : chainTips;
    }
}
