package dev.userlifecycle.eventstore;

import dev.userlifecycle.eventstore.testing.TestMongo;

import java.time.Clock;
import java.time.Duration;

/** Builds engines on a test server with the settings the contract tests vary. */
final class EngineFactory {

    private EngineFactory() {
    }

    static MongoEventStorageEngine.Builder builder(TestMongo mongo) {
        return MongoEventStorageEngine.builder()
                                      .client(mongo.client())
                                      .database(mongo.database())
                                      .gapTimeout(Duration.ofSeconds(5));
    }

    static MongoEventStorageEngine engine(TestMongo mongo) {
        return builder(mongo).build();
    }

    static MongoEventStorageEngine engine(TestMongo mongo, Clock clock) {
        return builder(mongo).clock(clock).build();
    }
}
