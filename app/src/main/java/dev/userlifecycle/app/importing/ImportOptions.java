package dev.userlifecycle.app.importing;

import java.util.Objects;

/**
 * How to read a file: its format, the currency of lines that name none (every CDNOW line), and whether to ignore
 * the checkpoint of an earlier run and send every line again (which records nothing twice either).
 */
public record ImportOptions(ImportFormat format, String currency, boolean fromStart) {

    public static final String DEFAULT_CURRENCY = "USD";

    public ImportOptions {
        Objects.requireNonNull(format, "format");
        currency = currency == null || currency.isBlank() ? DEFAULT_CURRENCY : currency.trim();
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO-4217 code of three"
                                               + " upper-case letters");
        }
    }
}
