package dev.userlifecycle.query.layers;

/** The collections of layering runs. */
public final class LayeringCollections {

    public static final String RUNS = "layering_runs";
    public static final String ASSIGNMENTS = "layering_assignments";
    public static final String REGISTRY = "layering_registry";
    public static final String TRANSITIONS = "layering_transitions";

    private LayeringCollections() {
    }
}
