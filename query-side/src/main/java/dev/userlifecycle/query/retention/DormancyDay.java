package dev.userlifecycle.query.retention;

/**
 * The users who went dormant on one day, counted by their registration day and the days since their previous
 * dormancy (0 for a first one), in pairs key, count, … ordered by key ({@link #key}). The gap tells whether a user
 * went dormant earlier in a window, so that distinct dormant users over a window add up from days.
 */
public record DormancyDay(int day, long[] users) {

    static long key(int registeredDay, int daysSincePrevious) {
        return ((long) registeredDay << 32) | (daysSincePrevious & 0xFFFF_FFFFL);
    }

    static int registeredDay(long key) {
        return (int) (key >> 32);
    }

    static int daysSincePrevious(long key) {
        return (int) key;
    }
}
