package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.eventstore.DelegatingEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Passes every call to the engine under test and counts the events it stored, so that the benchmark can say how
 * large the store was during a window without asking the store (which would cost a scan on the embedded server).
 * It also adds up the time spent inside the engine: appending, and loading (reading the snapshot and iterating the
 * aggregate's events; payloads are deserialized later, by the aggregate, outside this time).
 */
final class CountingEngine extends DelegatingEventStorageEngine {

    private final AtomicLong appended = new AtomicLong();
    private final LongAdder appendNanos = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();

    CountingEngine(EventStorageEngine delegate) {
        super(delegate);
    }

    long appended() {
        return appended.get();
    }

    void add(long events) {
        appended.addAndGet(events);
    }

    long appendNanos() {
        return appendNanos.sum();
    }

    long loadNanos() {
        return loadNanos.sum();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        long start = System.nanoTime();
        delegate().appendEvents(events);
        appendNanos.add(System.nanoTime() - start);
        appended.addAndGet(events.size());
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        long start = System.nanoTime();
        DomainEventStream stream = delegate().readEvents(aggregateIdentifier);
        loadNanos.add(System.nanoTime() - start);
        return new TimedStream(stream);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        long start = System.nanoTime();
        DomainEventStream stream = delegate().readEvents(aggregateIdentifier, firstSequenceNumber);
        loadNanos.add(System.nanoTime() - start);
        return new TimedStream(stream);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        long start = System.nanoTime();
        Optional<DomainEventMessage<?>> snapshot = delegate().readSnapshot(aggregateIdentifier);
        loadNanos.add(System.nanoTime() - start);
        return snapshot;
    }

    /** An aggregate's event stream whose reads (the engine fetches lazily, on the first hasNext) count as load. */
    private final class TimedStream implements DomainEventStream {
        private final DomainEventStream delegate;

        TimedStream(DomainEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean hasNext() {
            long start = System.nanoTime();
            boolean hasNext = delegate.hasNext();
            loadNanos.add(System.nanoTime() - start);
            return hasNext;
        }

        @Override
        public DomainEventMessage<?> next() {
            long start = System.nanoTime();
            DomainEventMessage<?> next = delegate.next();
            loadNanos.add(System.nanoTime() - start);
            return next;
        }

        @Override
        public DomainEventMessage<?> peek() {
            long start = System.nanoTime();
            DomainEventMessage<?> peek = delegate.peek();
            loadNanos.add(System.nanoTime() - start);
            return peek;
        }

        @Override
        public Long getLastSequenceNumber() {
            return delegate.getLastSequenceNumber();
        }
    }
}
