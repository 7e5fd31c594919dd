package dev.userlifecycle.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One cohort: per period offset k, the users retained in their period k, the users whose period k has begun by the
 * end of the data, and the share of the two (four decimals).
 */
public record RetentionRow(LocalDate cohortStart, int size, List<Integer> retained, List<Integer> eligible,
                           List<BigDecimal> rates) {
}
