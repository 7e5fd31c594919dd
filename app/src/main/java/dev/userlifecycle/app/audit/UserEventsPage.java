package dev.userlifecycle.app.audit;

import java.util.List;

/**
 * A page of a user's events in stream order.
 *
 * @param lastSequence the sequence number of the user's last event
 * @param next         the {@code fromSequence} of the next page; null on the last page
 */
public record UserEventsPage(String userId, long lastSequence, List<AuditedEvent> events, Long next) {
}
