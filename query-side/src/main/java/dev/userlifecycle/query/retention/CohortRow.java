package dev.userlifecycle.query.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One cohort of a {@link CohortTable}. The lists are indexed by period offset and equally long; they stop at the last
 * offset that any user of the cohort has reached by the end of the data, so an absent cell means "not yet", not 0.
 *
 * @param cohortStart the first day of the cohort's bucket
 * @param size        the users of the cohort
 * @param retained    per offset k, the users retained in period k
 * @param eligible    per offset k, the users whose period k has begun by the end of the data; {@code size} once
 *                    every user of the cohort has reached period k, fewer in the last cells of a recent cohort
 * @param rates       per offset k, {@code retained / eligible} with four decimals
 */
public record CohortRow(
        LocalDate cohortStart,
        int size,
        List<Integer> retained,
        List<Integer> eligible,
        List<BigDecimal> rates) {

    public CohortRow {
        retained = List.copyOf(retained);
        eligible = List.copyOf(eligible);
        rates = List.copyOf(rates);
        if (retained.size() != eligible.size() || rates.size() != eligible.size()) {
            throw new IllegalArgumentException("one retained count, eligible count and rate per offset");
        }
    }

    /** Whether period {@code offset} has begun for every user of the cohort. */
    public boolean isComplete(int offset) {
        return offset < eligible.size() && eligible.get(offset) == size;
    }
}
