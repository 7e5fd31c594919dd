package dev.userlifecycle.app.cdnow;

import dev.userlifecycle.app.cdnow.CdnowHistory.Line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Monthly cohort tables computed straight from the CDNOW lines, without any class of the project: a customer's
 * active days are the dates of all their lines; a customer is retained in period k of their cohort when they have a
 * line in the calendar month {@code cohortMonth + k}; cells exist up to the month of {@code asOf}. Every month from
 * {@code from} to {@code asOf} has a row, an empty cohort one without cells.
 */
public final class ExpectedCohorts {

    /** The start day of a customer in a basis, empty when the customer has none. */
    public enum Basis {
        REGISTRATION, FIRST_PURCHASE;

        Optional<LocalDate> start(List<Line> lines) {
            return lines.stream()
                        .filter(line -> this == REGISTRATION || line.isPurchase())
                        .map(Line::date)
                        .min(LocalDate::compareTo);
        }
    }

    /** One cohort: its first day, its size and the customers retained per period (every cell eligible in full). */
    public record Row(LocalDate cohortStart, int size, List<Integer> retained) {

        public BigDecimal rate(int period) {
            return BigDecimal.valueOf(retained.get(period)).divide(BigDecimal.valueOf(size), 4, RoundingMode.HALF_UP);
        }
    }

    private ExpectedCohorts() {
    }

    public static List<Row> monthly(Map<String, List<Line>> byCustomer, Basis basis, LocalDate from,
                                    LocalDate asOf) {
        YearMonth last = YearMonth.from(asOf);
        Map<YearMonth, int[]> retained = new TreeMap<>();
        Map<YearMonth, Integer> sizes = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(last); month = month.plusMonths(1)) {
            sizes.put(month, 0);
        }
        for (List<Line> lines : byCustomer.values()) {
            Optional<LocalDate> start = basis.start(lines);
            if (start.isEmpty() || start.get().isBefore(from) || start.get().isAfter(asOf)) {
                continue;
            }
            YearMonth cohort = YearMonth.from(start.get());
            int[] cells = retained.computeIfAbsent(cohort, month -> new int[periods(month, last)]);
            sizes.merge(cohort, 1, Integer::sum);
            TreeSet<Integer> periods = new TreeSet<>();
            for (Line line : lines) {
                if (!line.date().isBefore(start.get()) && !line.date().isAfter(asOf)) {
                    periods.add(periods(cohort, YearMonth.from(line.date())) - 1);
                }
            }
            periods.forEach(period -> cells[period]++);
        }
        List<Row> rows = new ArrayList<>();
        sizes.forEach((cohort, size) -> {
            List<Integer> counts = new ArrayList<>();
            for (int cell : retained.getOrDefault(cohort, new int[0])) {
                counts.add(cell);
            }
            rows.add(new Row(cohort.atDay(1), size, counts));
        });
        return rows;
    }

    /** How many monthly periods a cohort of {@code cohort} has by the month {@code last}. */
    private static int periods(YearMonth cohort, YearMonth last) {
        return (int) ChronoUnit.MONTHS.between(cohort, last) + 1;
    }
}
