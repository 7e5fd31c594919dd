package dev.userlifecycle.app.importing;

import java.time.Instant;
import java.util.List;

/**
 * What an import did.
 *
 * @param outcome             {@code COMPLETED}, {@code CANCELLED} or {@code FAILED}
 * @param lines               lines with content other than the header
 * @param imported            lines recorded by this run
 * @param alreadyPresent      lines whose order was stored already, those skipped by the checkpoint included
 * @param skippedByCheckpoint lines an earlier run of the same file had stored, not sent again
 * @param bad                 lines not imported, each in {@code badLines} with its reason
 * @param seconds             from reading the file to the last line sent
 * @param readModelSeconds    the wait for the read models of this process after the last line, or {@code null}
 * @param latestOccurredAt    the latest business time of the file's good lines
 */
public record ImportReport(String file, String format, String outcome, String error, int lines, int imported,
                           int alreadyPresent, int skippedByCheckpoint, int bad, int usersRegistered,
                           int usersExisting, double seconds, double linesPerSecond, Double readModelSeconds,
                           Instant latestOccurredAt, List<BadLine> badLines) {

    public boolean completed() {
        return "COMPLETED".equals(outcome);
    }

    public String summary() {
        String rate = String.format("%,.0f lines/s", linesPerSecond);
        String head = String.format("%s %s: %,d lines: %,d imported, %,d already present", outcome, file, lines,
                                    imported, alreadyPresent);
        String resumed = skippedByCheckpoint > 0
                ? String.format(" (%,d skipped by the checkpoint of an earlier run)", skippedByCheckpoint) : "";
        String users = String.format("; users: %,d registered, %,d existing", usersRegistered, usersExisting);
        String time = String.format("; %.1f s, %s", seconds, rate)
                      + (readModelSeconds == null ? "" : String.format(", read models %.1f s later", readModelSeconds));
        return head + resumed + String.format(", %,d bad", bad) + users + time + (error == null ? "" : "; " + error);
    }
}
