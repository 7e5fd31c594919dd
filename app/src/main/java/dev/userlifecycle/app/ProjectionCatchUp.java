package dev.userlifecycle.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Tells when every streaming event processor has processed the event store up to its head: each segment's token
 * position is compared with the position of {@link EventStore#createHeadToken()}, read once when waiting begins.
 * The importer waits with it for the read models, and tests and benchmarks for the projections.
 */
public final class ProjectionCatchUp {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionCatchUp(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public long head() {
        return position(eventStore.createHeadToken());
    }

    public Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor stream) {
                streaming.put(name, stream);
            }
        });
        return streaming;
    }

    /** Stops every streaming processor; each keeps its token, so {@link #resume()} goes on from where it was. */
    public void pause() {
        processors().values().forEach(StreamingEventProcessor::shutDown);
    }

    public void resume() {
        processors().values().forEach(StreamingEventProcessor::start);
    }

    /** The lowest position of the processor's segments; -1 when it has no segment claimed or no token yet. */
    public static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            lowest = Math.min(lowest, position(segment.getTrackingToken()));
        }
        return lowest;
    }

    /**
     * Waits until every streaming processor has reached the head, and the head stays there: a processor that sends
     * commands (the loyalty policy) appends events while it catches up. Returns the head.
     *
     * @throws IllegalStateException when they are not there within the timeout
     */
    public long await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head = head();
        while (!caughtUp(head) || head() != head) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projections did not reach the event store's head " + head
                                                + " within "
                                         + timeout + "; positions: " + positions());
            }
            Thread.sleep(20);
            if (caughtUp(head)) {
                head = head();
            }
        }
        return head;
    }

    /**
     * Whether every segment of every streaming processor has handled every event up to {@code head}. A position at or
     * beyond the head is not enough: a gap-aware token may be past events that were not visible yet when it moved on
     * (positions allocated by commits still under way), and it handles them once they are.
     */
    public boolean caughtUp(long head) {
        return processors().values().stream().allMatch(processor -> covers(processor, head));
    }

    private static boolean covers(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(segment -> covers(segment.getTrackingToken(),
                                                                                             head));
    }

    private static boolean covers(TrackingToken token, long head) {
        if (head < 0) {
            return true;
        }
        return token != null && token.covers(GapAwareTrackingToken.newInstance(head, List.of()));
    }

    public Map<String, Long> positions() {
        Map<String, Long> positions = new TreeMap<>();
        processors().forEach((name, processor) -> positions.put(name, position(processor)));
        return positions;
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
