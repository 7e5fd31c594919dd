package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.retention.UserFacts;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An in-memory MongoDB with stored facts, and a clock that tests move by hand. */
public final class LayeringFixture implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private Instant now = Instant.parse("1998-07-01T00:00:00Z");

    public LayeringFixture() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
    }

    public MongoDatabase database() {
        return database;
    }

    /** Stores the facts of {@code users} the way the facts projection stores them. */
    public void store(Collection<UserFacts> users) {
        List<Document> documents = new ArrayList<>(users.size());
        for (UserFacts user : users) {
            documents.add(StoredFacts.of(user, 0).toDocument());
        }
        for (int from = 0; from < documents.size(); from += 10_000) {
            database.getCollection(StoredFacts.COLLECTION)
                    .insertMany(documents.subList(from, Math.min(documents.size(), from + 10_000)),
                                new InsertManyOptions().ordered(false));
        }
    }

    /** A clock that stands at {@link #now()} until moved. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    public Instant now() {
        return now;
    }

    public void moveTo(Instant instant) {
        now = instant;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
