package dev.userlifecycle.app.architecture.violation.query;

/** A query-side class for {@code LeakyCommandHandler} to leak into. */
public record ProfileView(String status) {
}
