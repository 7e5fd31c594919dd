package dev.userlifecycle.app.importing;

/** A line that was not imported: its number in the file and why. */
public record BadLine(int line, String reason) {
}
