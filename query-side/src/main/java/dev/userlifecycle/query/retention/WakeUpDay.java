package dev.userlifecycle.query.retention;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The wake-up funnel counters of the entries made on one day: per group the entries and how many ended
 * reactivated or expired, and for the treatment group the entries contacted per step and skipped per step and
 * reason. Counters of different days add up: each entry has one day.
 */
public record WakeUpDay(int day, Outcomes treatment, Outcomes holdout, SortedMap<String, Integer> contacted,
                        SortedMap<WakeUpEntry.Skip, Integer> skipped) {

    public WakeUpDay {
        contacted = new TreeMap<>(contacted);
        skipped = new TreeMap<>(skipped);
    }

    /** Entries of a group, and how many of them ended with each outcome. */
    public record Outcomes(int entered, int reactivated, int expired) {
    }
}
