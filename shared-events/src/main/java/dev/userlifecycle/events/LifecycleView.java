package dev.userlifecycle.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/** The lifecycle composition per interval, with PostHog's definitions; {@code asOf} is the end of the data. */
public record LifecycleView(String interval, LocalDate from, LocalDate to, LocalDate asOf,
                            List<LifecycleCounts> intervals) {

    /**
     * One interval: users new (first active ever), returning (active in it and the previous one), resurrecting
     * (active, not in the previous one, not new) and dormant (active in the previous one, not in it).
     */
    public record LifecycleCounts(LocalDate start, @JsonProperty("new") int newUsers,
                                  int returning, int resurrecting, int dormant) {
    }
}
