package dev.userlifecycle.eventstore.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.UuidRepresentation;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A MongoDB for tests: the embedded wire-protocol server (memory or H2 file backend), or, when the environment
 * variable {@code MONGODB_URI} is set, that server with a fresh database that is dropped on close.
 */
public final class TestMongo implements AutoCloseable {

    public static final String URI_VARIABLE = "MONGODB_URI";

    private final MongoServer server;
    private final MongoClient client;
    private final String connectionString;
    private final String databaseName;

    private TestMongo(MongoServer server, String connectionString, String databaseName) {
        this.server = server;
        this.connectionString = connectionString;
        this.databaseName = databaseName;
        this.client = MongoClients.create(settings(connectionString));
    }

    /** The external server of {@code MONGODB_URI} if set, else the embedded server with its memory backend. */
    public static TestMongo start() {
        String uri = System.getenv(URI_VARIABLE);
        if (uri != null && !uri.isBlank()) {
            return new TestMongo(null, uri, "test_" + UUID.randomUUID().toString().replace("-", ""));
        }
        return embedded(new MemoryBackend());
    }

    /** The embedded server keeping its data in the given H2 file, so that a new instance sees the same data. */
    public static TestMongo startH2(Path file) {
        return embedded(new H2Backend(file.toString()));
    }

    public static boolean usesExternalServer() {
        String uri = System.getenv(URI_VARIABLE);
        return uri != null && !uri.isBlank();
    }

    private static TestMongo embedded(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        String connectionString = server.bindAndGetConnectionString();
        return new TestMongo(server, connectionString, "lifecycle");
    }

    public static MongoClientSettings settings(String connectionString) {
        return MongoClientSettings.builder()
                                  .applyConnectionString(new ConnectionString(connectionString))
                                  .uuidRepresentation(UuidRepresentation.STANDARD)
                                  .build();
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    public String connectionString() {
        return connectionString;
    }

    public String databaseName() {
        return databaseName;
    }

    @Override
    public void close() {
        if (server == null) {
            client.getDatabase(databaseName).drop();
        }
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
