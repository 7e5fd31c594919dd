package dev.userlifecycle.app.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The in-process MongoDB wire-protocol server used when no MongoDB URI is configured. Its H2 backend writes to a
 * file on its own every second; {@link #flush()} writes at once, so that what a command acknowledged survives a
 * crash of the process.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final H2Backend h2;
    private final String connectionString;

    private EmbeddedMongo(MongoBackend backend, H2Backend h2, int port) {
        this.server = new MongoServer(backend);
        this.h2 = h2;
        server.bind("127.0.0.1", port);
        this.connectionString = server.getConnectionString();
    }

    public static EmbeddedMongo start(LifecycleMongoProperties.Embedded settings) {
        if (settings.inMemory()) {
            logger.info("Starting the embedded MongoDB server in memory: data is lost when the process stops");
            return new EmbeddedMongo(new MemoryBackend(), null, settings.port());
        }
        Path file = settings.file().toAbsolutePath().normalize();
        H2Backend backend = EmbeddedDataFile.open(file);
        logger.info("Embedded MongoDB keeps its data in {}", file);
        return new EmbeddedMongo(backend, backend, settings.port());
    }

    public String connectionString() {
        return connectionString;
    }

    public boolean writesToFile() {
        return h2 != null;
    }

    /** Writes everything stored so far to the file (no-op in memory). */
    public void flush() {
        if (h2 != null) {
            h2.commit();
        }
    }

    @Override
    public void close() {
        logger.info("Stopping the embedded MongoDB server");
        server.shutdown();
    }
}
