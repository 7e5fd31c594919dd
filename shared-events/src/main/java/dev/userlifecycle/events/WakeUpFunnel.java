package dev.userlifecycle.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The wake-up funnel of the campaign entries made on the days [{@code from}, {@code to}] (open where {@code null}).
 * An entry is one user entering one wake-up campaign; it is open until the campaign ends, {@code REACTIVATED} or
 * {@code EXPIRED}. Rates are shares of the ended entries (reactivated + expired), four decimals, {@code null} when
 * none has ended; the counts are there to check them.
 *
 * @param entered   every entry of the window, treatment and holdout
 * @param treatment the entries that were to be contacted
 * @param holdout   the control group: entries never contacted
 * @param lift      what contacting added to the reactivation rate
 */
public record WakeUpFunnel(LocalDate from, LocalDate to, int entered, Treatment treatment, Holdout holdout,
                           Lift lift) {

    /**
     * @param contacted users contacted, per step (an entry counts once per step, whatever the channel)
     * @param skipped   users not contacted, per step and reason
     * @param open      entries whose campaign has not ended yet
     */
    public record Treatment(int entered, SortedMap<String, Integer> contacted,
                            SortedMap<String, SortedMap<String, Integer>> skipped, int reactivated, int expired,
                            int open, BigDecimal reactivationRate) {

        public Treatment {
            contacted = new TreeMap<>(contacted);
            SortedMap<String, SortedMap<String, Integer>> copy = new TreeMap<>();
            for (Map.Entry<String, SortedMap<String, Integer>> step : skipped.entrySet()) {
                copy.put(step.getKey(), new TreeMap<>(step.getValue()));
            }
            skipped = copy;
        }
    }

    public record Holdout(int entered, int reactivated, int expired, int open, BigDecimal reactivationRate) {
    }

    /**
     * @param absolute the treatment's reactivation rate minus the holdout's; {@code null} while either has none
     * @param relative {@code absolute} per unit of the holdout's rate; {@code null} also when that rate is 0
     */
    public record Lift(BigDecimal absolute, BigDecimal relative) {
    }
}
