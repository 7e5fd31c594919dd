package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterType;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether a commit runs inside a MongoDB transaction. */
public enum TransactionMode {
    /** Use transactions when the server is a replica set or a sharded cluster (checked once, at start). */
    AUTO,
    /** Always use transactions; fails on a server without sessions. */
    ALWAYS,
    /** Never use transactions (see the engine's documentation for what a crash mid-commit leaves behind). */
    NEVER;

    private static final Logger logger = LoggerFactory.getLogger(TransactionMode.class);

    boolean resolve(MongoClient client, MongoDatabase database) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> serverSupportsTransactions(client, database);
        };
    }

    /**
     * The driver knows the kind of deployment once it has talked to it: a replica set, a sharded cluster or a load
     * balancer offers transactions; a standalone server (and the embedded test server) does not.
     */
    static boolean serverSupportsTransactions(MongoClient client, MongoDatabase database) {
        database.runCommand(new Document("ping", 1));
        ClusterType type = client.getClusterDescription().getType();
        boolean supported = type == ClusterType.REPLICA_SET || type == ClusterType.SHARDED
                || type == ClusterType.LOAD_BALANCED;
        logger.info("MongoDB deployment is {}: event commits {}", type,
                    supported ? "run in transactions" : "are ordered writes without a transaction");
        return supported;
    }
}
