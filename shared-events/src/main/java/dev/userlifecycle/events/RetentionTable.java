package dev.userlifecycle.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A cohort retention table, answered from precomputed documents.
 *
 * @param asOf the end of the data: the last day with any activity; later periods have no cell yet
 * @param rows one per cohort whose first day lies in [{@code from}, {@code to}]
 */
public record RetentionTable(String basis, String cohort, String period, String mode, LocalDate from, LocalDate to,
                             LocalDate asOf, List<RetentionRow> rows) {
}
