package dev.userlifecycle.app.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The CDNOW transaction log, whitespace separated: {@code customer_id date number_of_cds dollar_value} with a header
 * line ({@code CDNOW_master.txt}), or {@code original_customer_id sample_customer_id date number_of_cds dollar_value}
 * without one ({@code CDNOW_sample.txt}). A line is an order of user {@code cdnow-<customer id>} (the original id of
 * the sample), {@code cdnow-<line number>}, at noon of its date in the platform's time zone.
 */
public final class CdnowLines implements LineFormat {

    static final String PREFIX = "cdnow-";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final ZoneId zone;
    private final String currency;

    CdnowLines(ZoneId zone, String currency) {
        this.zone = zone;
        this.currency = currency;
    }

    public static String userId(String customerId) {
        return PREFIX + customerId;
    }

    public static String orderId(int lineNumber) {
        return PREFIX + lineNumber;
    }

    /** The business time of a line: noon of its date in the platform's time zone. */
    public static Instant occurredAt(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    @Override
    public boolean readHeader(String line) {
        return !DIGITS.matcher(WHITESPACE.split(line.strip(), 2)[0]).matches();
    }

    @Override
    public OrderLine parse(int lineNumber, String line) throws RejectedLine {
        String[] fields = WHITESPACE.split(line.strip());
        if (fields.length != 4 && fields.length != 5) {
            throw new RejectedLine("wrong column count: " + fields.length + " columns, expected 4 (customer_id date"
                                   + " number_of_cds dollar_value) or 5 (with the sample's customer id second)");
        }
        int first = fields.length - 4;
        String customerId = fields[0];
        if (!DIGITS.matcher(customerId).matches()) {
            throw new RejectedLine("bad customer_id '" + Fields.shorten(customerId) + "': not digits");
        }
        LocalDate date = date(fields[first + 1]);
        if (!DIGITS.matcher(fields[first + 2]).matches()) {
            throw new RejectedLine("bad number_of_cds '" + Fields.shorten(fields[first + 2]) + "': not a whole number");
        }
        BigDecimal amount = Fields.amount(fields[first + 3]);
        return new OrderLine(lineNumber, Fields.userId(userId(customerId)), orderId(lineNumber),
                             occurredAt(date, zone), date, amount, currency);
    }

    private static LocalDate date(String value) throws RejectedLine {
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new RejectedLine("bad date '" + Fields.shorten(value) + "': not a date yyyyMMdd");
        }
    }
}
