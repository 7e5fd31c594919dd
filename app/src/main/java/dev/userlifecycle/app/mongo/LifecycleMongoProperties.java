package dev.userlifecycle.app.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the data lives. With no {@code uri} the app starts the embedded MongoDB wire-protocol server in-process.
 *
 * @param uri      a MongoDB connection string (from {@code MONGODB_URI}); empty for the embedded server
 * @param database the database the service uses
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties("lifecycle.mongo")
public record LifecycleMongoProperties(String uri, String database, Embedded embedded) {

    public LifecycleMongoProperties {
        database = database == null || database.isBlank() ? "lifecycle" : database;
        embedded = embedded == null ? new Embedded(null, null, 0) : embedded;
    }

    public boolean useEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param backend {@code h2} (a file that survives restarts, the default) or {@code memory}
     * @param file    the H2 file, by default {@code ./data/lifecycle.mv}
     * @param port    the port to listen on, 0 for any free port
     */
    public record Embedded(String backend, Path file, int port) {

        public Embedded {
            backend = backend == null || backend.isBlank() ? "h2" : backend;
            file = file == null ? Path.of("data", "lifecycle.mv") : file;
        }

        public boolean inMemory() {
            return "memory".equalsIgnoreCase(backend);
        }
    }
}
