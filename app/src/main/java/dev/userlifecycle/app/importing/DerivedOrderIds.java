package dev.userlifecycle.app.importing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Order ids for lines that name none: {@code csv-} and 32 hex digits of the SHA-256 of the user, business time,
 * amount, currency and how many identical lines came before in the file, so that the same file gives the same ids
 * every time and two identical purchases are two orders. One instance per file.
 */
final class DerivedOrderIds {

    static final String PREFIX = "csv-";

    private final Map<String, Integer> occurrences = new HashMap<>();

    String next(String userId, Instant occurredAt, BigDecimal amount, String currency) {
        String purchase = userId + '\n' + occurredAt + '\n' + amount.setScale(2).toPlainString() + '\n' + currency;
        int occurrence = occurrences.merge(purchase, 1, Integer::sum);
        return of(purchase + '\n' + occurrence);
    }

    private static String of(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
