package dev.userlifecycle.app.importing;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats of order history the importer reads. */
public enum ImportFormat {

    /** The CDNOW transaction log, {@code customer_id date(yyyyMMdd) number_of_cds dollar_value}. */
    CDNOW,
    /** A CSV file with the header {@code userId,orderId,occurredAt,amount,currency}. */
    CSV;

    /** The format named {@code name} in any case. */
    public static ImportFormat named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "'; known: " + names(), e);
        }
    }

    /** The format a file's name suggests: CSV for {@code .csv} and {@code .csv.gz}, CDNOW otherwise. */
    public static ImportFormat forFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz") ? CSV : CDNOW;
    }

    public static String names() {
        return Arrays.stream(values()).map(ImportFormat::label).collect(Collectors.joining(", "));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    LineFormat reader(ZoneId zone, String currency) {
        return switch (this) {
            case CDNOW -> new CdnowLines(zone, currency);
            case CSV -> new CsvLines(zone, currency);
        };
    }
}
