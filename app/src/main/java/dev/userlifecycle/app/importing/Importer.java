package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.importing.ImportPlan.Step;
import dev.userlifecycle.app.importing.ImportProgress.Phase;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseOutcome;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.RegisterUser;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Imports an order-history file through the command side: each user is registered at their first line (a user who
 * exists already is refused and kept), each line becomes a purchase, or a visit when its amount is zero, at its
 * business time. Users are spread over {@code threads} partitions; each partition sends its lines one after the
 * other, so a user's lines stay in order, up to {@code batchSize} consecutive lines of one user in one unit of work
 * whose events are stored in one append (and, on the embedded server, one write of its file). Commands carry {@code source=import} and
 * {@code principal=importer}.
 * <p>
 * Re-running is safe: a repeated order id records nothing, and a checkpoint of the line through which every command
 * was acknowledged ({@link ImportCheckpoints}) lets a run of the same file skip what an earlier run stored.
 */
public class Importer {

    static final MetaData METADATA = MetaData.from(Map.of(AuditMetadata.SOURCE, AuditMetadata.IMPORT,
                                                                      AuditMetadata.PRINCIPAL, "importer"));
    /** The message of the unit of work around a batch: the commands of the batch are nested in it. */
    private static final Message<String> BATCH_MESSAGE = new GenericMessage<>("import batch", METADATA);
    private static final int BATCH_ATTEMPTS = 5;
    private static final Logger logger = LoggerFactory.getLogger(Importer.class);

    private final CommandGateway gateway;
    private final ImportCheckpoints checkpoints;
    private final ZoneId zone;
    private final int threads;
    private final int batchSize;
    private final Duration checkpointInterval;
    private final ReadModels readModels;

    /** @param readModels the read models to wait for after the last line; {@code null} when the process has none */
    public Importer(CommandGateway gateway, ImportCheckpoints checkpoints, ZoneId zone, int threads, int batchSize,
                    Duration checkpointInterval, ReadModels readModels) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("the importer needs at least one thread and one line a batch, not "
                                               + threads + " and " + batchSize);
        }
        this.batchSize = batchSize;
        this.gateway = gateway;
        this.checkpoints = checkpoints;
        this.zone = zone;
        this.threads = threads;
        this.checkpointInterval = checkpointInterval;
        this.readModels = readModels;
    }

    /** Imports {@code source}; {@code progress} shows how far it is and can cancel it. Never throws. */
    public ImportReport run(ImportSource source, ImportOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        Double readModelSeconds = null;
        try {
            OrderFile file = source.read(options.format().reader(zone, options.currency()));
            progress.read(file.dataLines(), file.badLines(), file.latestOccurredAt());
            String key = ImportCheckpoints.key(file.digest(), options.format(), options.currency(), zone.getId());
            int resumeAfter = options.fromStart() ? 0 : checkpoints.committedThrough(key);
            List<Step> steps = ImportPlan.of(file.lines()).after(resumeAfter);
            progress.skipped(file.lines().size() - steps.size());
            new Run(file, options, key, steps, resumeAfter, progress).execute();
            if (progress.isCancelled()) {
                progress.phase(Phase.CANCELLED);
            } else {
                readModelSeconds = awaitReadModels(progress);
                progress.phase(Phase.COMPLETED);
            }
        } catch (ImportFailedException e) {
            logger.warn("Import of {} failed: {}", source.name(), e.getMessage(), e.getCause());
            progress.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.cancel();
            progress.phase(Phase.CANCELLED);
        } catch (RuntimeException e) {
            logger.error("Import of {} failed", source.name(), e);
            progress.failed(e.toString());
        }
        return new ImportReport(source.name(), options.format().label(), progress.phase().name(), progress.error(),
                                progress.lines(), progress.imported(), progress.alreadyPresent(),
                                progress.skippedByCheckpoint(), progress.bad(), progress.usersRegistered(),
                                progress.usersExisting(), (System.nanoTime() - started) / 1e9,
                                progress.linesPerSecond(), readModelSeconds, progress.latestOccurredAt(),
                                progress.badLines());
    }

    private Double awaitReadModels(ImportProgress progress) throws InterruptedException {
        if (readModels == null) {
            return null;
        }
        progress.phase(Phase.CATCHING_UP);
        long start = System.nanoTime();
        readModels.awaitCaughtUp();
        return (System.nanoTime() - start) / 1e9;
    }

    /** One run over the steps left of one file. */
    private final class Run {

        private final OrderFile file;
        private final ImportOptions options;
        private final String key;
        private final List<Step> steps;
        private final Watermark watermark;
        private final ImportProgress progress;
        private final AcquisitionChannel channel;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Run(OrderFile file, ImportOptions options, String key, List<Step> steps, int resumeAfter,
            ImportProgress progress) {
            this.file = file;
            this.options = options;
            this.key = key;
            this.steps = steps;
            this.watermark = new Watermark(steps, resumeAfter);
            this.progress = progress;
            this.channel = new AcquisitionChannel("import", options.format().label(), null);
        }

        void execute() throws InterruptedException {
            List<List<Integer>> partitions = partitions();
            ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(
                    daemon("import-checkpoint", new AtomicInteger()));
            ExecutorService workers = Executors.newFixedThreadPool(partitions.size(),
                                                                   daemon("import", new AtomicInteger()));
            progress.startSending();
            try {
                long interval = checkpointInterval.toMillis();
                saver.scheduleWithFixedDelay(this::saveCheckpoint, interval, interval, TimeUnit.MILLISECONDS);
                List<Future<?>> done = new ArrayList<>();
                for (List<Integer> partition : partitions) {
                    done.add(workers.submit(() -> work(partition)));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            } finally {
                workers.shutdownNow();
                saver.shutdownNow();
                workers.awaitTermination(30, TimeUnit.SECONDS);
                saver.awaitTermination(30, TimeUnit.SECONDS);
                progress.endSending();
            }
            checkpoints.save(key, file, options.format(), watermark.line(), watermark.complete());
            Throwable failed = failure.get();
            if (failed != null) {
                throw new ImportFailedException("stopped at line " + (watermark.line() + 1) + ": " + failed, failed);
            }
        }

        private void saveCheckpoint() {
            try {
                checkpoints.save(key, file, options.format(), watermark.line(), false);
            } catch (RuntimeException e) {
                logger.warn("Could not save the import checkpoint; the next one is tried at the next interval", e);
            }
        }

        /** Step indices by partition: every step of a user in the same one, in order. */
        private List<List<Integer>> partitions() {
            int count = Math.max(1, Math.min(threads, steps.size()));
            List<List<Integer>> partitions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                partitions.add(new ArrayList<>(steps.size() / count + 1));
            }
            for (int i = 0; i < steps.size(); i++) {
                partitions.get(Math.floorMod(steps.get(i).line().userId().hashCode(), count)).add(i);
            }
            return partitions;
        }

        private void work(List<Integer> partition) {
            for (int from = 0, to; from < partition.size(); from = to) {
                if (failure.get() != null || progress.isCancelled() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                to = endOfBatch(partition, from);
                List<Integer> batch = partition.subList(from, to);
                try {
                    sendBatch(batch);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
            }
        }

        /**
         * Where the batch that starts at {@code from} ends: after at most {@code batchSize} consecutive lines of one
         * user. A unit of work stores its events in one commit, and a commit is only all-or-nothing for one
         * aggregate on a server without transactions (a conflict on its first event stores nothing; one that spans
         * users could store some users' events, and remove them again, while tracking reads).
         */
        private int endOfBatch(List<Integer> partition, int from) {
            String userId = steps.get(partition.get(from)).line().userId();
            int to = from + 1;
            while (to < partition.size() && to - from < batchSize
                   && steps.get(partition.get(to)).line().userId().equals(userId)) {
                to++;
            }
            return to;
        }

        /**
         * Sends a batch of lines in one unit of work, so that their events are stored in one append: a failure
         * that is no refusal (a concurrent change, a store that hiccups) rolls the whole batch back, and it is sent
         * again; after {@value #BATCH_ATTEMPTS} tries it is sent one line per unit of work.
         */
        private void sendBatch(List<Integer> batch) {
            for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
                try {
                    List<Runnable> outcomes = inOneUnitOfWork(batch);
                    outcomes.forEach(Runnable::run);
                    batch.forEach(watermark::done);
                    return;
                } catch (RuntimeException e) {
                    logger.debug("Import batch failed (try {}); sending it again", attempt, e);
                    pause(attempt);
                }
            }
            for (int index : batch) {
                inOneUnitOfWork(List.of(index)).forEach(Runnable::run);
                watermark.done(index);
            }
        }

        private List<Runnable> inOneUnitOfWork(List<Integer> batch) {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(BATCH_MESSAGE);
            List<Runnable> outcomes = new ArrayList<>(batch.size() + 8);
            try {
                for (int index : batch) {
                    send(steps.get(index), outcomes);
                }
            } catch (RuntimeException e) {
                unit.rollback(e);
                throw e;
            }
            unit.commit();
            return outcomes;
        }

        private void send(Step step, List<Runnable> outcomes) {
            OrderLine line = step.line();
            if (step.registers() && !register(line, outcomes)) {
                return;
            }
            try {
                if (line.isVisit()) {
                    gateway.sendAndWait(message(new RecordActivity(line.userId(), ActivityKind.VISIT,
                                                                   line.occurredAt(), line.day())));
                    outcomes.add(progress::lineImported);
                    return;
                }
                PurchaseOutcome outcome = gateway.sendAndWait(message(new RecordPurchase(
                        line.userId(), line.orderId(), new Money(line.amount(), line.currency()), line.occurredAt(),
                        line.day())));
                outcomes.add(outcome == PurchaseOutcome.ALREADY_RECORDED ? progress::linePresent
                                     : progress::lineImported);
            } catch (RuntimeException e) {
                BadLine bad = new BadLine(line.lineNumber(), refusal(e));
                outcomes.add(() -> progress.lineBad(bad));
            }
        }

        /** Registers the line's user; false (and the line reported) when the command side refuses for a reason. */
        private boolean register(OrderLine line, List<Runnable> outcomes) {
            try {
                gateway.sendAndWait(message(new RegisterUser(line.userId(), channel, null, null, null, null,
                                                             line.occurredAt())));
                outcomes.add(() -> progress.userRegistered(true));
                return true;
            } catch (RuntimeException e) {
                if (exists(e)) {
                    outcomes.add(() -> progress.userRegistered(false));
                    return true;
                }
                BadLine bad = new BadLine(line.lineNumber(), "the user could not be registered: " + refusal(e));
                outcomes.add(() -> progress.lineBad(bad));
                return false;
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailedException("interrupted", e);
        }
    }

    private static GenericCommandMessage<Object> message(Object command) {
        return new GenericCommandMessage<>(command, METADATA);
    }

    /** A registration refused because the user exists (or was created by another process at the same time). */
    private static boolean exists(RuntimeException e) {
        return e instanceof AggregateStreamCreationException
               || HandlerExecutionException.<LifecycleError>resolveDetails(e)
                                           .filter(error -> error.kind() == LifecycleError.Kind.CONFLICT)
                                           .isPresent();
    }

    /** Why the command side refused a command; a failure that is no refusal is rethrown and stops the import. */
    static String refusal(RuntimeException e) {
        Optional<LifecycleError> error = HandlerExecutionException.resolveDetails(e);
        if (error.isPresent()) {
            return error.get().message();
        }
        if (e instanceof JSR303ViolationException invalid) {
            return invalid.getViolations().stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                          .sorted().collect(Collectors.joining("; "));
        }
        throw e;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name, AtomicInteger counter) {
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
