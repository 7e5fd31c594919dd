package dev.userlifecycle.events;

import java.time.LocalDate;

/**
 * Query: the wake-up funnel ({@link WakeUpFunnel}) of the campaign entries made on the days [{@code from},
 * {@code to}] of the platform's time zone; a {@code null} bound leaves that side open.
 */
public record FindWakeUpFunnel(LocalDate from, LocalDate to) {
}
