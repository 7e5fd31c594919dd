package dev.userlifecycle.app.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file whose header names the columns {@code userId,orderId,occurredAt,amount,currency} (in any order and
 * case). {@code occurredAt} is an ISO-8601 instant ({@code 2026-03-01T09:30:00Z}), a date-time with an offset, or a
 * date, which stands for noon of that day in the platform's time zone. {@code orderId} and {@code currency} may be
 * empty: the order id is then derived ({@link DerivedOrderIds}), the currency the import's default.
 */
final class CsvLines implements LineFormat {

    static final List<String> COLUMNS = List.of("userId", "orderId", "occurredAt", "amount", "currency");

    private final ZoneId zone;
    private final String currency;
    private final DerivedOrderIds derivedIds = new DerivedOrderIds();
    private final int[] columnOf = new int[COLUMNS.size()];

    CsvLines(ZoneId zone, String currency) {
        this.zone = zone;
        this.currency = currency;
    }

    @Override
    public boolean readHeader(String line) {
        List<String> names;
        try {
            names = CsvFields.split(line);
        } catch (RejectedLine e) {
            throw missingHeader(line);
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        if (names.size() != COLUMNS.size()) {
            throw missingHeader(line);
        }
        for (int i = 0; i < COLUMNS.size(); i++) {
            Integer position = positions.get(COLUMNS.get(i).toLowerCase(Locale.ROOT));
            if (position == null) {
                throw missingHeader(line);
            }
            columnOf[i] = position;
        }
        return true;
    }

    private static ImportFailedException missingHeader(String line) {
        return new ImportFailedException("the first line of a CSV file must be the header "
                                         + String.join(",", COLUMNS) + ", not: " + Fields.shorten(line));
    }

    @Override
    public OrderLine parse(int lineNumber, String line) throws RejectedLine {
        List<String> fields = CsvFields.split(line);
        if (fields.size() != COLUMNS.size()) {
            throw new RejectedLine("wrong column count: " + fields.size() + " columns, expected " + COLUMNS.size()
                                   + " (" + String.join(",", COLUMNS) + ")");
        }
        String userId = Fields.userId(fields.get(columnOf[0]));
        Instant occurredAt = occurredAt(fields.get(columnOf[2]));
        BigDecimal amount = Fields.amount(fields.get(columnOf[3]));
        String lineCurrency = Fields.currency(fields.get(columnOf[4]), currency);
        String orderId = orderId(fields.get(columnOf[1]), userId, occurredAt, amount, lineCurrency);
        return new OrderLine(lineNumber, userId, orderId, occurredAt, LocalDate.ofInstant(occurredAt, zone), amount,
                             lineCurrency);
    }

    private String orderId(String given, String userId, Instant occurredAt, BigDecimal amount, String lineCurrency)
            throws RejectedLine {
        if (given.isEmpty()) {
            return derivedIds.next(userId, occurredAt, amount, lineCurrency);
        }
        if (given.length() > 100) {
            throw new RejectedLine("bad orderId: longer than 100 characters");
        }
        return given;
    }

    private Instant occurredAt(String value) throws RejectedLine {
        if (value.isEmpty()) {
            throw new RejectedLine("missing occurredAt");
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atTime(LocalTime.NOON).atZone(zone).toInstant();
            }
            return value.endsWith("Z") || value.endsWith("z") ? Instant.parse(value.toUpperCase(Locale.ROOT))
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedLine("bad date '" + Fields.shorten(value) + "': neither an ISO-8601 instant such as"
                                   + " 2026-03-01T09:30:00Z nor a date such as 2026-03-01");
        }
    }
}
