package dev.userlifecycle.app.mongo;

import java.nio.file.Path;

/** The embedded server cannot keep its data in its file; {@link EmbeddedDataFileFailureAnalyzer} tells what to do. */
final class EmbeddedDataFileException extends RuntimeException {

    private final transient Path file;

    EmbeddedDataFileException(Path file, String reason, Throwable cause) {
        super("The embedded MongoDB cannot keep its data in " + file + ": " + reason, cause);
        this.file = file;
    }

    Path file() {
        return file;
    }
}
