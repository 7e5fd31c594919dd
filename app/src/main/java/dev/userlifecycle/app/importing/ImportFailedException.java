package dev.userlifecycle.app.importing;

/** The import as a whole cannot go on: an unreadable file, a missing header, a store that fails. */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message) {
        super(message);
    }

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
