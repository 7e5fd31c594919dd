package dev.userlifecycle.events;

/** Query: the latest layering run, the one with the latest {@code asOf} ({@code GET /api/v1/layers}); answered with a {@link LayeringRun} or nothing. */
public record FindLatestLayeringRun() {
}
