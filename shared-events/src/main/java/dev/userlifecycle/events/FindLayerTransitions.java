package dev.userlifecycle.events;

/**
 * Query: how the users of layering run {@code runId} moved between layers since run {@code sinceRunId}
 * ({@code GET /api/v1/layers/runs/{runId}/transitions}); answered with a {@link LayerTransitions}, or nothing when
 * either run is unknown.
 */
public record FindLayerTransitions(String runId, String sinceRunId) {
}
