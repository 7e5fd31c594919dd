package dev.userlifecycle.app.importing;

import java.time.Instant;
import java.util.List;

/**
 * An import job as {@code GET /api/v1/admin/imports/{id}} answers it: where it stands and, as far as it got, its
 * report. {@code status} is an {@link ImportProgress.Phase}, or {@code INTERRUPTED} for a job whose process stopped
 * before it ended (import the same file again: it goes on from its checkpoint).
 */
public record ImportJobView(String id, String file, String format, String currency, boolean fromStart,
                            String status, String error, Instant createdAt, Instant updatedAt, Instant finishedAt,
                            int lines, int processed, double percent, double linesPerSecond, Double secondsLeft,
                            Instant eta, int imported, int alreadyPresent, int skippedByCheckpoint, int bad,
                            int usersRegistered, int usersExisting, Double seconds, Double readModelSeconds,
                            BadLinePage badLines) {

    /**
     * A page of the job's bad lines, by line number.
     *
     * @param next the {@code offset} of the next page, {@code null} on the last
     */
    public record BadLinePage(int offset, int limit, int total, List<BadLine> items, Integer next) {
    }
}
