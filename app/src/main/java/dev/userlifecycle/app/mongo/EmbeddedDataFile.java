package dev.userlifecycle.app.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the H2 file of the embedded server once its folder exists and takes a file: permission bits alone do not
 * tell (root ignores them), so a probe file is really created and deleted in it.
 */
final class EmbeddedDataFile {

    private EmbeddedDataFile() {
    }

    /** {@code file} is absolute and normalised. */
    static H2Backend open(Path file) {
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new EmbeddedDataFileException(file, e.getFile() + " is a file, where its folder should be", e);
        } catch (IOException | SecurityException e) {
            throw new EmbeddedDataFileException(file, "its folder " + folder + " cannot be created (" + e + ")", e);
        }
        try {
            Files.delete(Files.createTempFile(folder, ".write-probe-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new EmbeddedDataFileException(file, "its folder " + folder + " cannot be written (" + e + ")", e);
        }
        try {
            return new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new EmbeddedDataFileException(file, "H2 cannot open it (" + e.getMessage() + ")", e);
        }
    }
}
