package dev.userlifecycle.app.cdnow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The CDNOW transaction log ({@code cdnow/CDNOW_master.txt.gz} in the application, a gzipped copy of
 * {@code shared/data/cdnow/CDNOW_master.txt}): one {@link Line} per transaction, grouped by customer in date order.
 */
public final class CdnowHistory {

    public static final String RESOURCE = "cdnow/CDNOW_master.txt.gz";

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final List<Line> lines;
    private final Map<String, List<Line>> byCustomer;

    /**
     * One transaction.
     *
     * @param lineNumber the line's number in the file (the header is line 1)
     * @param cents      the dollar value in cents
     */
    public record Line(int lineNumber, String customerId, LocalDate date, int cds, long cents) {

        public boolean isPurchase() {
            return cents > 0;
        }

        public BigDecimal dollars() {
            return BigDecimal.valueOf(cents, 2);
        }
    }

    private CdnowHistory(List<Line> lines) {
        this.lines = List.copyOf(lines);
        Map<String, List<Line>> grouped = new LinkedHashMap<>();
        for (Line line : lines) {
            grouped.computeIfAbsent(line.customerId(), id -> new ArrayList<>()).add(line);
        }
        grouped.values().forEach(history -> history.sort(Comparator.comparing(Line::date)
                                                                   .thenComparingInt(Line::lineNumber)));
        this.byCustomer = grouped;
    }

    public static CdnowHistory load() {
        InputStream resource = CdnowHistory.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath (app/src/main/resources)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(resource),
                                                                                StandardCharsets.US_ASCII))) {
            List<Line> lines = new ArrayList<>(70_000);
            int lineNumber = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lineNumber++;
                String trimmed = text.strip();
                if (lineNumber == 1 || trimmed.isEmpty()) {
                    continue;
                }
                lines.add(parse(lineNumber, trimmed));
            }
            return new CdnowHistory(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Line parse(int lineNumber, String text) {
        String[] fields = text.split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException("line " + lineNumber + " has " + fields.length + " fields: " + text);
        }
        long cents = new BigDecimal(fields[3]).movePointRight(2).longValueExact();
        return new Line(lineNumber, fields[0], LocalDate.parse(fields[1], DATE), Integer.parseInt(fields[2]), cents);
    }

    /** Every line, in the order of the file. */
    public List<Line> lines() {
        return lines;
    }

    /** Each customer's lines in date order (file order within a day), customers in order of first appearance. */
    public Map<String, List<Line>> byCustomer() {
        return byCustomer;
    }

    public LocalDate lastDate() {
        return lines.stream().map(Line::date).max(Comparator.naturalOrder()).orElseThrow();
    }
}
