package dev.userlifecycle.query.retention;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How days are grouped into buckets (cohorts, periods, lifecycle intervals), in business time.
 * <ul>
 *   <li>{@link #DAY}: every calendar day is its own bucket;</li>
 *   <li>{@link #WEEK}: ISO weeks, Monday to Sunday, so a bucket starts on a Monday;</li>
 *   <li>{@link #MONTH}: calendar months of whatever length, so a bucket starts on the 1st.</li>
 * </ul>
 * Buckets are calendar buckets, the same for every user, not windows that start on a user's own day: a user who
 * registers on a Sunday is in period 1 of weekly periods the next day.
 */
public enum Granularity {
    DAY, WEEK, MONTH;

    private static final int EPOCH_YEAR = 1970;
    /** 1970-01-01 was a Thursday: the ISO week containing it started three days earlier. */
    private static final int DAYS_FROM_MONDAY_TO_EPOCH = 3;

    /** The first day of the bucket that contains {@code day}. */
    public LocalDate bucketStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one that contains {@code day}. */
    public LocalDate next(LocalDate day) {
        LocalDate start = bucketStart(day);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /**
     * How many buckets the bucket of {@code later} comes after the bucket of {@code earlier}: 0 for the same bucket,
     * negative when {@code later} is in an earlier bucket. Weekly: 2026-03-01 (a Sunday) to 2026-03-02 is 1.
     */
    public long offset(LocalDate earlier, LocalDate later) {
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(earlier, later);
            case WEEK -> ChronoUnit.WEEKS.between(bucketStart(earlier), bucketStart(later));
            case MONTH -> ChronoUnit.MONTHS.between(bucketStart(earlier), bucketStart(later));
        };
    }

    /** The number of the bucket containing the epoch day {@code epochDay}, counted from the bucket of 1970-01-01. */
    int index(int epochDay) {
        return switch (this) {
            case DAY -> epochDay;
            case WEEK -> Math.floorDiv(epochDay + DAYS_FROM_MONDAY_TO_EPOCH, 7);
            case MONTH -> {
                LocalDate day = LocalDate.ofEpochDay(epochDay);
                yield (day.getYear() - EPOCH_YEAR) * 12 + day.getMonthValue() - 1;
            }
        };
    }

    /** The number of the first bucket that starts on or after the epoch day {@code epochDay}. */
    int firstIndexFrom(int epochDay) {
        int index = index(epochDay);
        return startOf(index) < epochDay ? index + 1 : index;
    }

    /** The first day, as an epoch day, of the bucket numbered {@code index} (see {@link #index(int)}). */
    int startOf(int index) {
        return switch (this) {
            case DAY -> index;
            case WEEK -> index * 7 - DAYS_FROM_MONDAY_TO_EPOCH;
            case MONTH -> (int) LocalDate.of(EPOCH_YEAR, 1, 1).plusMonths(index).toEpochDay();
        };
    }
}
