package dev.userlifecycle.app.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where an import stands, updated by the importer's threads and read by whoever shows it (the terminal, the job
 * status). Lines are the file's lines with content other than the header; a line is processed when it was sent,
 * found bad, or skipped because a checkpoint of an earlier run covers it.
 */
public final class ImportProgress {

    /** The phases of an import, in order; it ends in one of the last three. */
    public enum Phase {
        READING, IMPORTING, CATCHING_UP, COMPLETED, CANCELLED, FAILED;

        public boolean isFinal() {
            return this == COMPLETED || this == CANCELLED || this == FAILED;
        }
    }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.READING);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger imported = new AtomicInteger();
    private final AtomicInteger alreadyPresent = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger usersRegistered = new AtomicInteger();
    private final AtomicInteger usersExisting = new AtomicInteger();
    private final List<BadLine> badLines = new ArrayList<>();
    private volatile long importStartedAt;
    private volatile long importEndedAt;
    private volatile String error;
    private volatile Instant latestOccurredAt;

    /** Asks the import to stop after the lines in flight; what was stored stays, and the checkpoint says how far. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public Phase phase() {
        return phase.get();
    }

    void phase(Phase next) {
        phase.set(next);
    }

    void failed(String reason) {
        error = reason;
        phase.set(Phase.FAILED);
    }

    public String error() {
        return error;
    }

    void read(int dataLines, List<BadLine> bad, Instant latest) {
        lines.set(dataLines);
        latestOccurredAt = latest;
        synchronized (badLines) {
            badLines.addAll(bad);
        }
        processed.addAndGet(bad.size());
    }

    void skipped(int count) {
        skipped.set(count);
        processed.addAndGet(count);
    }

    void startSending() {
        importStartedAt = System.nanoTime();
        phase.set(Phase.IMPORTING);
    }

    void endSending() {
        importEndedAt = System.nanoTime();
    }

    void userRegistered(boolean newUser) {
        (newUser ? usersRegistered : usersExisting).incrementAndGet();
    }

    void lineImported() {
        imported.incrementAndGet();
        sentOne();
    }

    void linePresent() {
        alreadyPresent.incrementAndGet();
        sentOne();
    }

    void lineBad(BadLine line) {
        synchronized (badLines) {
            badLines.add(line);
        }
        sentOne();
    }

    private void sentOne() {
        sent.incrementAndGet();
        processed.incrementAndGet();
    }

    /** The latest business time of the file's good lines; {@code null} before it is read or without any. */
    public Instant latestOccurredAt() {
        return latestOccurredAt;
    }

    public int lines() {
        return lines.get();
    }

    public int processed() {
        return processed.get();
    }

    public int imported() {
        return imported.get();
    }

    /** Lines whose order was stored already (a repeated order id), and lines skipped by the checkpoint. */
    public int alreadyPresent() {
        return alreadyPresent.get() + skipped.get();
    }

    public int skippedByCheckpoint() {
        return skipped.get();
    }

    public int bad() {
        synchronized (badLines) {
            return badLines.size();
        }
    }

    /** The bad lines so far, by line number. */
    public List<BadLine> badLines() {
        synchronized (badLines) {
            List<BadLine> copy = new ArrayList<>(badLines);
            copy.sort(Comparator.comparingInt(BadLine::line));
            return copy;
        }
    }

    public int usersRegistered() {
        return usersRegistered.get();
    }

    public int usersExisting() {
        return usersExisting.get();
    }

    public double percent() {
        int total = lines.get();
        return total == 0 ? (phase.get() == Phase.READING ? 0 : 100) : 100.0 * processed.get() / total;
    }

    /** Seconds spent sending lines so far (until the last was sent). */
    public double sendingSeconds() {
        long start = importStartedAt;
        if (start == 0) {
            return 0;
        }
        long end = importEndedAt == 0 ? System.nanoTime() : importEndedAt;
        return (end - start) / 1e9;
    }

    /** Lines sent per second of sending. */
    public double linesPerSecond() {
        double seconds = sendingSeconds();
        return seconds <= 0 ? 0 : sent.get() / seconds;
    }

    /** Seconds until every line is sent at the rate so far; -1 while there is no rate yet. */
    public double secondsLeft() {
        double rate = linesPerSecond();
        return rate <= 0 ? -1 : Math.max(0, lines.get() - processed.get()) / rate;
    }
}
