package dev.userlifecycle.query.rebuild;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Rebuilds projections without downtime (see the package documentation): starts a rebuild, answers its progress, and
 * drives the running ones from one thread, every {@link RebuildSettings#progressInterval()}. {@link #start()} picks up
 * the rebuilds a stopped process left unfinished; {@link #stop()} leaves them resumable.
 */
public class ProjectionRebuilds {

    private static final Logger logger = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final Generations generations;
    private final ProjectionCopies copies;
    private final RebuildRecords records;
    private final RebuildRun.Context context;
    private final Map<String, RebuildRun> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param axon the Axon configuration, asked for the event store, the live processors and their token store only
     *             once it has started
     */
    public ProjectionRebuilds(Generations generations, ProjectionCopies copies, Supplier<Configuration> axon,
                              Clock clock, RebuildSettings settings) {
        this.generations = generations;
        this.copies = copies;
        this.records = new RebuildRecords(generations.database());
        this.context = new RebuildRun.Context(records, generations, new AxonProcessing(axon), clock, settings);
    }

    /**
     * Starts rebuilding the projection {@code name} into a fresh generation.
     *
     * @throws UnknownProjectionException  when no projection has that name
     * @throws RebuildInProgressException while a rebuild of it runs
     */
    public synchronized RebuildProgress start(String name) {
        ReadModel model = ReadModel.named(name).orElseThrow(() -> new UnknownProjectionException(name));
        if (executor == null) {
            throw new IllegalStateException("projection rebuilds have not been started");
        }
        int active = generations.generation(model);
        int generation = Math.max(active, records.find(name).map(Rebuild::generation).orElse(0)) + 1;
        Rebuild rebuild = Rebuild.started(model, generation, active, context.clock().instant());
        records.claim(rebuild).filter(previous -> previous.state() == RebuildState.COMPLETED && !previous.retired())
               .ifPresent(this::retire);
        try {
            drop(generations, model, generation);
            context.axon().tokens(name).delete(rebuild.tokenName());
            launch(model, rebuild, true);
        } catch (RuntimeException e) {
            records.failed(rebuild, "the copy could not be started: " + e.getMessage(), context.clock().instant());
            throw e;
        }
        logger.info("Rebuilding {} into generation {} (generation {} answers meanwhile)", name, generation, active);
        return progress(name);
    }

    /**
     * The latest rebuild of the projection {@code name}.
     *
     * @throws UnknownProjectionException when no projection has that name
     * @throws NoRebuildException         when it was never rebuilt
     */
    public RebuildProgress progress(String name) {
        ReadModel.named(name).orElseThrow(() -> new UnknownProjectionException(name));
        return records.find(name).map(RebuildProgress::of).orElseThrow(() -> new NoRebuildException(name));
    }

    /** Resumes the rebuilds a stopped process left running, schedules the pending drops, and starts ticking. */
    public synchronized void start() {
        ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuilds");
            thread.setDaemon(true);
            return thread;
        });
        // a drop still waiting at a stop is done at the next start
        ticker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = ticker;
        for (Rebuild rebuild : records.unfinished()) {
            resume(rebuild);
        }
        for (Rebuild rebuild : records.unretired()) {
            scheduleRetire(rebuild, Duration.between(context.clock().instant(), rebuild.retireAt()));
        }
        long interval = context.settings().progressInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a switch under way finish, then stops every copy where it is: a later {@link #start()} of any process
     * resumes it from its token.
     */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(context.settings().switchTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.values().forEach(RebuildRun::stop);
        running.clear();
        executor = null;
    }

    private void resume(Rebuild rebuild) {
        Optional<ReadModel> model = ReadModel.named(rebuild.projection());
        Instant now = context.clock().instant();
        if (model.isEmpty()) {
            records.failed(rebuild, "there is no projection of this name any more", now);
        } else if (generations.generation(model.get()) == rebuild.generation()) {
            // the process stopped after the switch had pointed the read models at the copy
            context.axon().tokens(rebuild.projection()).delete(rebuild.tokenName());
            records.completed(rebuild, rebuild.position(), rebuild.headPosition(), rebuild.eventsPerSecond(), now,
                              now.plus(context.settings().retireDelay()));
            scheduleRetire(rebuild, context.settings().retireDelay());
        } else {
            if (rebuild.state() == RebuildState.SWITCHING) {
                records.state(rebuild, RebuildState.RUNNING, null, now);
            }
            launch(model.get(), rebuild, false);
            logger.info("Resuming the rebuild of {} into generation {} from its token (last progress: position {})",
                        rebuild.projection(), rebuild.generation(), rebuild.position());
        }
    }

    private void launch(ReadModel model, Rebuild rebuild, boolean fresh) {
        ProjectionCopy copy = copies.copy(model, generations.pinned(model, rebuild.generation()));
        TrackingEventProcessor processor = context.axon().copyProcessor(model.projection(), rebuild.tokenName(),
                                                                        copy.eventHandler(),
                                                                        context.settings().batchSize());
        RebuildRun run = new RebuildRun(rebuild, model, copy, processor, context);
        running.put(model.projection(), run);
        run.start(fresh);
    }

    private void tick() {
        for (RebuildRun run : running.values()) {
            try {
                if (run.tick()) {
                    running.remove(run.rebuild().projection(), run);
                    records.find(run.rebuild().projection())
                           .filter(rebuild -> rebuild.generation() == run.rebuild().generation()
                                              && rebuild.state() == RebuildState.COMPLETED)
                           .ifPresent(rebuild -> scheduleRetire(rebuild, context.settings().retireDelay()));
                }
            } catch (RuntimeException e) {
                logger.warn("Rebuild of {}: a progress check failed; it is tried again", run.rebuild().projection(),
                            e);
            }
        }
    }

    private void scheduleRetire(Rebuild rebuild, Duration delay) {
        try {
            executor.schedule(() -> retire(rebuild), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            logger.info("Generation {} of {} is dropped at the next start: the process is stopping",
                        rebuild.previousGeneration(), rebuild.projection());
        }
    }

    /** Drops the generation a completed rebuild replaced, unless it answers again (never, but never drop that). */
    private void retire(Rebuild rebuild) {
        try {
            ReadModel model = ReadModel.named(rebuild.projection()).orElseThrow();
            if (generations.generation(model) != rebuild.previousGeneration()) {
                drop(generations, model, rebuild.previousGeneration());
            }
            records.retired(rebuild);
            logger.info("Dropped generation {} of {}", rebuild.previousGeneration(), rebuild.projection());
        } catch (RuntimeException e) {
            logger.warn("Dropping generation {} of {} failed; it is tried again at the next start",
                        rebuild.previousGeneration(), rebuild.projection(), e);
        }
    }

    /** Drops the collections of {@code model} in {@code generation} that exist. */
    static void drop(Generations generations, ReadModel model, int generation) {
        Set<String> existing = generations.database().listCollectionNames().into(new HashSet<>());
        model.collectionsIn(generation).stream().filter(existing::contains)
             .forEach(name -> generations.database().getCollection(name).drop());
    }
}
