package dev.userlifecycle.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An incident as the query side answers it: the users it affected, the apologies and compensations done, and its
 * two milestones against their deadlines.
 *
 * @param affectedUsers      how many users the incident affected
 * @param apologised         affected users apologised to
 * @param compensated        affected users compensated
 * @param compensationPoints the points of all compensations
 * @param churn              the churn comparison; {@code null} in lists
 */
public record IncidentView(String incidentId, String title, Severity severity, IncidentStatus status,
                           Instant declaredAt, Instant closedAt, int affectedUsers, int apologised, int compensated,
                           long compensationPoints, Milestone apology, Milestone compensation,
                           ChurnComparison churn) {

    /**
     * @param reachedAt when every affected user had it; {@code null} while pending
     * @param met       reached by {@code dueBy}: {@code true}, reached late: {@code false}; {@code null} while pending
     * @param missedAt  when its deadline passed without it; {@code null} if it did not
     */
    public record Milestone(Instant dueBy, Instant reachedAt, Boolean met, Instant missedAt) {
    }

    /**
     * Dormancy after the incident, affected users against the others: the users who went dormant on a day of the
     * window [{@code firstDay}, {@code lastDay}], the 30 days after the day of the declaration (platform time zone).
     *
     * @param windowEndsAt when the window ends: its figures may still grow before
     * @param windowClosed whether the clock has passed {@code windowEndsAt}
     * @param affected     the affected users
     * @param unaffected   the users registered by the day of the declaration who were not affected
     * @param difference   the affected rate minus the unaffected rate; {@code null} while either has none
     */
    public record ChurnComparison(LocalDate firstDay, LocalDate lastDay, Instant windowEndsAt, boolean windowClosed,
                                  Group affected, Group unaffected, BigDecimal difference) {
    }

    /** {@code dormant} of {@code count} users; {@code rate} their share, four decimals, {@code null} of none. */
    public record Group(int count, int dormant, BigDecimal rate) {
    }
}
