package dev.userlifecycle.app.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An order-history file read whole: the SHA-256 of its bytes (which names its checkpoint), its good lines in file
 * order and its bad lines with their reasons. Blank lines are skipped; a name ending in {@code .gz} is gunzipped.
 *
 * @param dataLines the lines with content other than the header, good and bad
 */
public record OrderFile(String name, String digest, int dataLines, List<OrderLine> lines, List<BadLine> badLines) {

    static OrderFile read(String name, InputStream in, LineFormat format) {
        MessageDigest sha256 = sha256();
        try (InputStream digesting = new DigestInputStream(in, sha256);
             InputStream content = name.endsWith(".gz") ? new GZIPInputStream(digesting, 1 << 16) : digesting;
             BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8),
                                                        1 << 16)) {
            List<OrderLine> lines = new ArrayList<>();
            List<BadLine> bad = new ArrayList<>();
            boolean first = true;
            int lineNumber = 0;
            int dataLines = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (first) {
                    first = false;
                    line = stripBom(line);
                    if (format.readHeader(line)) {
                        continue;
                    }
                }
                dataLines++;
                try {
                    lines.add(format.parse(lineNumber, line));
                } catch (RejectedLine rejected) {
                    bad.add(new BadLine(lineNumber, rejected.getMessage()));
                }
            }
            digesting.transferTo(OutputStream.nullOutputStream()); // a gzip trailer: the digest covers every byte
            return new OrderFile(name, HexFormat.of().formatHex(sha256.digest()), dataLines, lines, bad);
        } catch (IOException e) {
            throw new ImportFailedException("cannot read " + name + ": " + e, e);
        }
    }

    /** The latest business time of the good lines; {@code null} when there is none. */
    Instant latestOccurredAt() {
        return lines.stream().map(OrderLine::occurredAt).max(Comparator.naturalOrder()).orElse(null);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
