package dev.userlifecycle.eventstore;

import dev.userlifecycle.eventstore.testing.TestMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.userlifecycle.eventstore.TestEvents.deposits;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's H2 file backend keeps events, snapshots and tokens across a restart. */
class H2RestartContractTest {

    @TempDir
    Path directory;

    @Test
    void eventsSnapshotsAndTokensSurviveARestartOfTheServer() {
        Path file = directory.resolve("lifecycle.mv");
        TrackingToken storedToken;
        try (TestMongo mongo = TestMongo.startH2(file)) {
            MongoEventStorageEngine engine = EngineFactory.engine(mongo);
            engine.appendEvents(deposits("a-1", 0, 5));
            engine.appendEvents(deposits("a-2", 0, 3));
            engine.storeSnapshot(new GenericDomainEventMessage<>("Account", "a-1", 3, "state at 3"));
            List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
            storedToken = read.get(5).trackingToken();
            TokenStore tokens = tokenStore(mongo);
            tokens.initializeTokenSegments("projection", 1);
            tokens.storeToken(storedToken, "projection", 0);
        }

        try (TestMongo restarted = TestMongo.startH2(file)) {
            MongoEventStorageEngine engine = EngineFactory.engine(restarted);

            assertThat(engine.readEvents("a-1").asStream().map(DomainEventMessage::getSequenceNumber))
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(engine.readSnapshot("a-1").orElseThrow().getPayload()).isEqualTo("state at 3");
            TrackingToken token = tokenStore(restarted).fetchToken("projection", 0);
            assertThat(token).isEqualTo(storedToken);
            assertThat(engine.readEvents(token, false).count()).isEqualTo(2);
            engine.appendEvents(deposits("a-2", 3, 1));
            assertThat(engine.readEvents(null, false).map(m -> m.trackingToken().position().orElseThrow()))
                    .as("positions continue after the restart").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    private static TokenStore tokenStore(TestMongo mongo) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo.database()).build())
                              .serializer(EventStoreSerializers.jackson())
                              .build();
    }
}
