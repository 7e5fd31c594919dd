package dev.userlifecycle.events;

import java.time.LocalDate;

/**
 * Asks for the lifecycle composition ({@link LifecycleView}) of the intervals ({@code day}, {@code week} or
 * {@code month}) whose first day lies in [{@code from}, {@code to}]; {@code null} dates take the defaults (to: the end
 * of the data; from: twelve intervals before).
 */
public record FindLifecycle(String interval, LocalDate from, LocalDate to) {
}
