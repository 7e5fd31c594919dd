package dev.userlifecycle.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the users of layering run {@code run} moved between layers since run {@code since}, user by user from the
 * stored assignments of both runs.
 *
 * @param layers  the four layers, best first: the order of every map below
 * @param moves   per layer in {@code since}, the users of it per layer in {@code run} (every pair listed, zeros too)
 * @param entered users in {@code run} who were not in {@code since} (registered in between), per layer in {@code run}
 * @param left    users in {@code since} who are not in {@code run}, per layer in {@code since}
 * @param stayed  users in both runs in the same layer
 * @param moved   users in both runs in another layer
 */
public record LayerTransitions(LayeringRunSummary run, LayeringRunSummary since, List<String> layers,
                               Map<String, Map<String, Long>> moves, Map<String, Long> entered,
                               Map<String, Long> left, long stayed, long moved) {

    public LayerTransitions {
        layers = List.copyOf(layers);
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        moves.forEach((from, to) -> rows.put(from, Collections.unmodifiableMap(new LinkedHashMap<>(to))));
        moves = Collections.unmodifiableMap(rows);
        entered = Collections.unmodifiableMap(new LinkedHashMap<>(entered));
        left = Collections.unmodifiableMap(new LinkedHashMap<>(left));
    }
}
