package dev.userlifecycle.app.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file to import: its name (a {@code .gz} name is gunzipped) and how to open it. */
public record ImportSource(String name, Opener opener) {

    /** Opens the file's bytes; called once per import. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static ImportSource of(Path path) {
        return new ImportSource(path.getFileName().toString(), () -> Files.newInputStream(path));
    }

    /** A resource on the class path, such as the gzipped CDNOW copy inside the application. */
    public static ImportSource classpath(String resource) {
        return new ImportSource(resource.substring(resource.lastIndexOf('/') + 1), () -> {
            InputStream in = ImportSource.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return in;
        });
    }

    OrderFile read(LineFormat format) {
        try (InputStream in = opener.open()) {
            return OrderFile.read(name, in, format);
        } catch (IOException e) {
            throw new ImportFailedException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
