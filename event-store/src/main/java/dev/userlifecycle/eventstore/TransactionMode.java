package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoClient;
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
            case AUTO -> serverSupportsTransactions(database);
        };
    }

    /**
     * A standalone server (and the embedded test server) has no transactions; a replica set member reports its set
     * name and a mongos reports {@code isdbgrid}.
     */
    static boolean serverSupportsTransactions(MongoDatabase database) {
        Document hello;
        try {
            hello = database.runCommand(new Document("hello", 1));
        } catch (RuntimeException notSupported) {
            try {
                hello = database.runCommand(new Document("isMaster", 1));
            } catch (RuntimeException e) {
                logger.warn("Could not ask the server whether it supports transactions; committing without them", e);
                return false;
            }
        }
        boolean supported = hello.containsKey("setName") || "isdbgrid".equals(hello.getString("msg"));
        logger.info("MongoDB server {} transactions; event commits {}",
                    supported ? "supports" : "does not support",
                    supported ? "are atomic" : "are ordered writes without a transaction");
        return supported;
    }
}
