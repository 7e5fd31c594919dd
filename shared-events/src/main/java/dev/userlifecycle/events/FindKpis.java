package dev.userlifecycle.events;

import java.time.LocalDate;

/** Asks for the growth figures ({@link GrowthKpis}) of [{@code from}, {@code to}]; {@code null}: the last 30 days of the data. */
public record FindKpis(LocalDate from, LocalDate to) {
}
