package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.importing.ImportJobs.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs import jobs in the background, one at a time in a process, and keeps each job's progress, report and bad
 * lines in {@link ImportJobs} every {@code interval} while it runs and once more when it ends.
 */
public class ImportJobService {

    private static final Logger logger = LoggerFactory.getLogger(ImportJobService.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private final Importer importer;
    private final ImportJobs jobs;
    private final Clock clock;
    private final Duration interval;
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            runnable -> daemon(runnable, "import-job"));
    private final ScheduledExecutorService updater = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "import-job-status"));

    public ImportJobService(Importer importer, ImportJobs jobs, Clock clock, Duration interval) {
        this.importer = importer;
        this.jobs = jobs;
        this.clock = clock;
        this.interval = interval;
    }

    private record Running(Job job, ImportProgress progress) {
    }

    /**
     * Starts importing {@code source} in the background; {@code onEnd} gets the report when the job has ended
     * ({@code null} if it could not make one).
     *
     * @throws ImportRunningException while another import runs in this process
     */
    public ImportJobView start(ImportSource source, ImportOptions options, Consumer<ImportReport> onEnd) {
        Job job = new Job(UUID.randomUUID().toString(), source.name(), options, clock.instant());
        ImportProgress progress = new ImportProgress();
        Running started = new Running(job, progress);
        if (!running.compareAndSet(null, started)) {
            onEnd.accept(null);
            throw new ImportRunningException(running.get().job().id());
        }
        try {
            StatusWriter writer = new StatusWriter(job, progress);
            writer.write(null);
            executor.execute(() -> run(started, source, writer, onEnd));
        } catch (RuntimeException e) {
            running.set(null);
            onEnd.accept(null);
            throw e;
        }
        return find(job.id(), 0, 0).orElseThrow();
    }

    public Optional<ImportJobView> find(String jobId, int offset, int limit) {
        return jobs.find(jobId, offset, limit);
    }

    public List<ImportJobView> all() {
        return jobs.all();
    }

    private void run(Running current, ImportSource source, StatusWriter writer, Consumer<ImportReport> onEnd) {
        Job job = current.job();
        ImportProgress progress = current.progress();
        long millis = interval.toMillis();
        ScheduledFuture<?> updates = updater.scheduleWithFixedDelay(() -> writer.write(null), millis, millis,
                                                                    TimeUnit.MILLISECONDS);
        ImportReport report = null;
        try {
            report = importer.run(source, job.options(), progress);
            logger.info("Import job {}: {}", job.id(), report.summary());
            updates.cancel(false);
            // the next job may start as soon as this one shows as ended
            running.compareAndSet(current, null);
            writer.write(report);
        } catch (RuntimeException e) {
            logger.error("Import job {} could not record its end", job.id(), e);
        } finally {
            updates.cancel(false);
            running.compareAndSet(current, null);
            onEnd.accept(report);
        }
    }

    /**
     * Stops the running job when the application begins to close, before the command handlers go away: the lines in
     * flight end, the checkpoint is saved and the job ends {@code CANCELLED}.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        Running current = running.get();
        if (current != null) {
            current.progress().cancel();
        }
        executor.shutdown();
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
        updater.shutdownNow();
    }

    /** Writes a job's status; the last write (with the report) is never overtaken by a periodic one. */
    private final class StatusWriter {

        private final Job job;
        private final ImportProgress progress;
        private int badLinesWritten;
        private boolean ended;
        private long loggedAt = System.nanoTime();

        StatusWriter(Job job, ImportProgress progress) {
            this.job = job;
            this.progress = progress;
        }

        synchronized void write(ImportReport report) {
            if (ended) {
                return;
            }
            try {
                if (progress.bad() != badLinesWritten || report != null) {
                    badLinesWritten = jobs.saveBadLines(job.id(), progress.badLines());
                }
                jobs.save(job, progress, report);
                ended = report != null;
                if (!ended && System.nanoTime() - loggedAt >= LOG_INTERVAL.toNanos()) {
                    loggedAt = System.nanoTime();
                    logger.info("Import job {}: {}", job.id(), ProgressPrinter.line(job.file(), progress));
                }
            } catch (RuntimeException e) {
                if (report != null) {
                    throw e;
                }
                logger.warn("Could not write the status of import job {}; trying again", job.id(), e);
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
