package dev.userlifecycle.query.rebuild;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * One rebuild running in this process: the copy's tracking processor, its progress, and the switch-over once it has
 * caught up. Driven by {@link #tick()} from the rebuilds' single thread.
 * <p>
 * The switch stops the live processor and claims its token, so its position stays put and no other process takes
 * it; waits until the copy has seen every event the live processor had seen; stops the copy; points the read models
 * at the copy's generation (the moment the copy starts answering); hands the copy's token to the live processor and
 * starts it again, now writing into the copy. A stop between the pointing and the hand-over leaves the live processor
 * at its own, older token over the copy's collections: it handles a few events again, which every projection ignores.
 */
final class RebuildRun {

    private static final Logger logger = LoggerFactory.getLogger(RebuildRun.class);
    private static final long RATE_WINDOW_NANOS = 10_000_000_000L;

    private final Rebuild rebuild;
    private final ReadModel model;
    private final ProjectionCopy copy;
    private final TrackingEventProcessor processor;
    private final Context context;
    private final Deque<long[]> samples = new ArrayDeque<>();
    // where the speed is measured from: a fresh copy's start, a resumed copy's first progress check
    private long firstPosition;
    private long firstNanos = -1;
    private long headBefore = -1;
    private long claimRefusedSince = -1;

    /** What every run shares. */
    record Context(RebuildRecords records, Generations generations, AxonProcessing axon, Clock clock,
                   RebuildSettings settings) {
    }

    RebuildRun(Rebuild rebuild, ReadModel model, ProjectionCopy copy, TrackingEventProcessor processor,
               Context context) {
        this.rebuild = rebuild;
        this.model = model;
        this.copy = copy;
        this.processor = processor;
        this.context = context;
    }

    Rebuild rebuild() {
        return rebuild;
    }

    /** Starts the copy's processor from its token: a fresh copy's is at 0, a resumed one's where it stopped. */
    void start(boolean fresh) {
        if (fresh) {
            firstNanos = System.nanoTime();
            samples.addLast(new long[]{firstNanos, 0});
        }
        processor.start();
    }

    /** Stops the copy where it is; its token and collections stay, so a later start goes on from there. */
    void stop() {
        processor.shutDown();
    }

    /**
     * Stores the copy's progress and switches over once it has reached the head the event store had at the last
     * tick. Answers whether the rebuild is over (completed or failed).
     */
    boolean tick() {
        Optional<EventTrackerStatus> status = processor.processingStatus().values().stream().findFirst();
        if (status.isEmpty()) {
            return false;
        }
        long position = Tokens.position(status.get().getTrackingToken());
        long head = context.axon().headPosition();
        copy.flush();
        String error = status.get().isErrorState() ? describe(status.get().getError()) : null;
        context.records().progress(rebuild, position, head, recentRate(position), error, context.clock().instant());
        boolean caughtUp = error == null && headBefore >= 0 && position >= headBefore;
        headBefore = head;
        return caughtUp && switchOver();
    }

    /** Drops the copy after a failure: its processor, its token and its collections. */
    void fail(String reason) {
        logger.warn("Rebuild of {} into generation {} failed: {}", model.projection(), rebuild.generation(), reason);
        processor.shutDown();
        context.axon().tokens(model.projection()).delete(rebuild.tokenName());
        ProjectionRebuilds.drop(context.generations(), model, rebuild.generation());
        context.records().failed(rebuild, reason, context.clock().instant());
    }

    private boolean switchOver() {
        context.records().state(rebuild, RebuildState.SWITCHING, null, context.clock().instant());
        Optional<StreamingEventProcessor> live = context.axon().live(model.projection());
        boolean liveWasRunning = live.map(EventProcessor::isRunning).orElse(false);
        live.ifPresent(StreamingEventProcessor::shutDown);
        Tokens tokens = context.axon().tokens(model.projection());
        Tokens.Claim claim;
        try {
            claim = tokens.claim(model.projection());
            claimRefusedSince = -1;
        } catch (UnableToClaimTokenException e) {
            AxonProcessing.restart(live, liveWasRunning);
            return claimRefused();
        }
        try {
            return switchOver(tokens, claim);
        } finally {
            tokens.release(claim);
            AxonProcessing.restart(live, liveWasRunning);
        }
    }

    /**
     * Another process holds the live processor's token: a process that died holds it until its claim times out, one
     * that runs the live processor for good holds it on. Past the switch timeout the rebuild fails.
     */
    private boolean claimRefused() {
        long now = System.nanoTime();
        if (claimRefusedSince < 0) {
            claimRefusedSince = now;
        }
        if (now - claimRefusedSince > context.settings().switchTimeout().toNanos()) {
            fail("the live processor '" + model.projection() + "' runs in another process; rebuild it there");
            return true;
        }
        backToRunning("the live processor's token is claimed by another process; the switch is tried again");
        return false;
    }

    private boolean switchOver(Tokens tokens, Tokens.Claim live) {
        boolean pointed = false;
        try {
            if (!awaitCopyCovering(live.token())) {
                backToRunning("the copy did not reach the stopped live processor within "
                              + context.settings().switchTimeout() + "; the switch is tried again");
                return false;
            }
            processor.shutDown();
            TrackingToken copyToken = tokens.read(rebuild.tokenName());
            if (!Tokens.covers(copyToken, live.token())) {
                processor.start();
                backToRunning("the copy's stored token is behind the live processor's; the switch is tried again");
                return false;
            }
            copy.switchOver(() -> context.generations().switchTo(model, rebuild.generation(),
                                                                 context.clock().instant()));
            pointed = true;
            tokens.handOver(live, copyToken);
            tokens.delete(rebuild.tokenName());
            complete(Tokens.position(copyToken));
            return true;
        } catch (RuntimeException e) {
            if (pointed) {
                logger.warn("Rebuild of {}: the copy answers, but handing over its token failed; the live processor "
                            + "goes on from its own token", model.projection(), e);
                complete(Tokens.position(live.token()));
                return true;
            }
            if (!processor.isRunning()) {
                processor.start();
            }
            backToRunning("the switch failed and is tried again: " + describe(e));
            return false;
        }
    }

    private boolean awaitCopyCovering(TrackingToken live) {
        long deadline = System.nanoTime() + context.settings().switchTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<EventTrackerStatus> status = processor.processingStatus().values().stream().findFirst();
            if (status.isPresent() && Tokens.covers(status.get().getTrackingToken(), live)) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void complete(long position) {
        long elapsed = System.nanoTime() - firstNanos;
        double average = elapsed <= 0 ? 0 : Math.max(0, position - firstPosition) * 1e9 / elapsed;
        Instant now = context.clock().instant();
        context.records().completed(rebuild, position, context.axon().headPosition(), average, now,
                                    now.plus(context.settings().retireDelay()));
        logger.info("Rebuild of {} switched to generation {} at position {} ({} events/s)", model.projection(),
                    rebuild.generation(), position, Math.round(average));
    }

    private void backToRunning(String reason) {
        logger.warn("Rebuild of {}: {}", model.projection(), reason);
        context.records().state(rebuild, RebuildState.RUNNING, reason, context.clock().instant());
    }

    private double recentRate(long position) {
        long now = System.nanoTime();
        if (firstNanos < 0) {
            firstNanos = now;
            firstPosition = position;
        }
        samples.addLast(new long[]{now, position});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        return now == oldest[0] ? 0 : (position - oldest[1]) * 1e9 / (now - oldest[0]);
    }

    private static String describe(Throwable error) {
        return error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
