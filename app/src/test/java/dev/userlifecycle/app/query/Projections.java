package dev.userlifecycle.app.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/** Waits for the streaming processors of the read models to reach the head of the event store. */
final class Projections {

    private Projections() {
    }

    static void awaitCaughtUp(EventProcessingConfiguration processing, EventStore eventStore, Duration timeout) {
        long head = eventStore.createHeadToken().position().orElse(-1);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(processing, head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("projections did not reach position " + head + " within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean caughtUp(EventProcessingConfiguration processing, long head) {
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                                                           .filter(StreamingEventProcessor.class::isInstance)
                                                           .map(StreamingEventProcessor.class::cast).toList()) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty() || status.values().stream().anyMatch(s -> position(s).orElse(-1) < head)) {
                return false;
            }
        }
        return true;
    }

    private static OptionalLong position(EventTrackerStatus status) {
        return status.getCurrentPosition();
    }
}
