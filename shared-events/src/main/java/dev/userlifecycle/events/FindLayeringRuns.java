package dev.userlifecycle.events;

/** Query: every layering run, latest {@code asOf} first ({@code GET /api/v1/layers/runs}); answered with {@link LayeringRunSummary}s. */
public record FindLayeringRuns() {
}
