package dev.userlifecycle.app.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the lines are sent: file order, except that each user's lines are put in business-time order
 * into the places that user's lines take in the file. So a user is registered at their earliest line and their days
 * come in order even when the file is not sorted; a sorted file (CDNOW) is sent exactly in file order. A step's
 * {@code slot}, the line number of its place, is what the checkpoint counts.
 */
final class ImportPlan {

    private static final Comparator<OrderLine> BUSINESS_TIME = Comparator.comparing(OrderLine::occurredAt)
                                                                         .thenComparingInt(OrderLine::lineNumber);

    /** Send {@code line} at the place of line {@code slot}; {@code registers}: the user's first step. */
    record Step(int slot, OrderLine line, boolean registers) {
    }

    private final List<Step> steps;

    private ImportPlan(List<Step> steps) {
        this.steps = steps;
    }

    static ImportPlan of(List<OrderLine> lines) {
        Map<String, List<Integer>> placesByUser = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            placesByUser.computeIfAbsent(lines.get(i).userId(), user -> new ArrayList<>(4)).add(i);
        }
        Step[] steps = new Step[lines.size()];
        for (List<Integer> places : placesByUser.values()) {
            List<OrderLine> inTimeOrder = places.stream().map(lines::get).sorted(BUSINESS_TIME).toList();
            for (int k = 0; k < places.size(); k++) {
                int place = places.get(k);
                steps[place] = new Step(lines.get(place).lineNumber(), inTimeOrder.get(k), k == 0);
            }
        }
        return new ImportPlan(Arrays.asList(steps));
    }

    List<Step> steps() {
        return steps;
    }

    /** The steps whose slot comes after {@code line}: what is left after a checkpoint. */
    List<Step> after(int line) {
        return steps.stream().filter(step -> step.slot() > line).toList();
    }
}
