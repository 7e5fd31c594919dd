package dev.userlifecycle.app.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
        try {
            if (settings.file().toAbsolutePath().getParent() != null) {
                Files.createDirectories(settings.file().toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + settings.file(), e);
        }
        logger.info("Starting the embedded MongoDB server on {}", settings.file().toAbsolutePath());
        H2Backend backend = new H2Backend(settings.file().toString());
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
