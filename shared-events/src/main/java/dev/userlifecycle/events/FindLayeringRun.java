package dev.userlifecycle.events;

/** Query: one layering run ({@code GET /api/v1/layers/runs/{runId}}); answered with a {@link LayeringRun} or nothing. */
public record FindLayeringRun(String runId) {
}
