package dev.userlifecycle.events;

import java.util.List;

/**
 * A user's place in every layering run that included the user, as the query side answers {@link FindUserLayers}.
 *
 * @param userId the user
 * @param layers one entry per run, latest {@code asOf} first; empty before the first run that included the user
 */
public record UserLayerHistory(String userId, List<UserLayer> layers) {

    public UserLayerHistory {
        layers = List.copyOf(layers);
    }
}
