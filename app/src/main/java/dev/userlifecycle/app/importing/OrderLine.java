package dev.userlifecycle.app.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One good line of an order-history file: a purchase of {@code amount} by {@code userId} at its business time, or,
 * when the amount is zero, a visit on that day (the command side records no purchase of nothing).
 *
 * @param lineNumber the line's number in the file, the header being line 1
 * @param day        the calendar day of {@code occurredAt} in the platform's time zone
 */
public record OrderLine(int lineNumber, String userId, String orderId, Instant occurredAt, LocalDate day,
                        BigDecimal amount, String currency) {

    public boolean isVisit() {
        return amount.signum() == 0;
    }
}
