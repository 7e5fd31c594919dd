package dev.userlifecycle.app.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The first lines of the CDNOW master file (the copy inside the application), written to a file for a test. */
final class CdnowSlice {

    private CdnowSlice() {
    }

    /** The header and the first {@code lines} transactions, in {@code folder}. */
    static Path write(Path folder, int lines) {
        try (InputStream in = CdnowSlice.class.getClassLoader().getResourceAsStream(CdnowDemoLoader.RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                                                                              StandardCharsets.US_ASCII))) {
            List<String> slice = new ArrayList<>(lines + 1);
            for (String line = reader.readLine(); line != null && slice.size() <= lines; line = reader.readLine()) {
                slice.add(line);
            }
            return Files.write(folder.resolve("CDNOW_slice_" + lines + ".txt"), slice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
