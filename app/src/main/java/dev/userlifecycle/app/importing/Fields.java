package dev.userlifecycle.app.importing;

import dev.userlifecycle.events.ValidId;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Checks of the values every format has, with the reason a bad one is reported with. */
final class Fields {

    private static final Pattern USER_ID = Pattern.compile(ValidId.PATTERN);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_INTEGER_DIGITS = 15;

    private Fields() {
    }

    static String userId(String value) throws RejectedLine {
        if (value.isEmpty()) {
            throw new RejectedLine("missing userId");
        }
        if (!USER_ID.matcher(value).matches()) {
            throw new RejectedLine("userId '" + shorten(value) + "' " + ValidId.MESSAGE);
        }
        return value;
    }

    /** An amount of zero or more with at most two decimals, scaled to two. */
    static BigDecimal amount(String value) throws RejectedLine {
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RejectedLine("bad amount '" + shorten(value) + "': not a decimal number");
        }
        if (amount.signum() < 0) {
            throw new RejectedLine("bad amount '" + value + "': negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new RejectedLine("bad amount '" + value + "': more than two decimals");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new RejectedLine("bad amount '" + shorten(value) + "': more than 15 digits before the point");
        }
        return amount.setScale(2);
    }

    static String currency(String value, String fallback) throws RejectedLine {
        if (value.isEmpty()) {
            return fallback;
        }
        if (!CURRENCY.matcher(value).matches()) {
            throw new RejectedLine("bad currency '" + shorten(value) + "': not an ISO-4217 code of three upper-case"
                                   + " letters");
        }
        return value;
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
