package dev.userlifecycle.events;

import java.time.LocalDate;

/**
 * Asks for a cohort retention table ({@link RetentionTable}). Names are the API's: {@code basis} {@code registration}
 * or {@code first-purchase}; {@code cohort} and {@code period} {@code day}, {@code week} or {@code month};
 * {@code mode} {@code on} or {@code on-or-after}. {@code from} and {@code to} bound the cohorts' first days, in the
 * platform's time zone; {@code null} takes the default (to: the end of the data; from: eleven cohorts before).
 */
public record FindRetention(String basis, String cohort, String period, String mode, LocalDate from, LocalDate to) {
}
