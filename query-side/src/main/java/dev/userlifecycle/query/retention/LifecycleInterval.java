package dev.userlifecycle.query.retention;

import java.time.LocalDate;

/**
 * How the users of one interval split by their lifecycle status, with PostHog's definitions (see
 * {@link LifecycleComposition}).
 *
 * @param start        the first day of the interval
 * @param newUsers     active for the first time ever ({@code new} in the API)
 * @param returning    active in this interval and in the previous one
 * @param resurrecting active in this interval, not in the previous one, and not new
 * @param dormant      active in the previous interval, not in this one; a count of users, which charts usually draw
 *                     below the axis as a negative number
 */
public record LifecycleInterval(LocalDate start, int newUsers, int returning, int resurrecting, int dormant) {

    /** The users active in the interval: every one of them is new, returning or resurrecting. */
    public int active() {
        return newUsers + returning + resurrecting;
    }
}
