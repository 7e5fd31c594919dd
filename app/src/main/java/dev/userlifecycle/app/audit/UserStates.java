package dev.userlifecycle.app.audit;

import dev.userlifecycle.command.CommandSideModule;
import dev.userlifecycle.command.UserHistory;
import dev.userlifecycle.command.UserState;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.eventstore.StoredEvent;
import dev.userlifecycle.eventstore.StoredEvents;
import dev.userlifecycle.eventstore.StoredStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * A user's state as of a moment: the events of their stream up to the first one after that moment, read page by page
 * and replayed into a fresh {@code User} aggregate ({@link UserHistory}). The prefix is taken in stream order; an
 * event recorded later with an earlier business time (a backdated import) is not applied when an event before it in
 * the stream lies after the moment.
 */
final class UserStates {

    private final StoredEvents storedEvents;
    private final ObjectProvider<Configuration> axon;
    private volatile UserHistory history;

    UserStates(StoredEvents storedEvents, ObjectProvider<Configuration> axon) {
        this.storedEvents = storedEvents;
        this.axon = axon;
    }

    UserStateAsOf asOf(String userId, Instant asOf, TimeBasis basis) {
        StoredStream first = storedEvents.stream(userId, 0, StoredEvents.MAX_PAGE)
                                         .filter(stream -> CommandSideModule.USER_AGGREGATE_TYPE
                                                 .equals(stream.aggregateType()))
                                         .orElseThrow(() -> new UnknownUserException(userId));
        Prefix prefix = new Prefix(first, asOf, basis);
        Optional<UserState> state = history().replay(DomainEventStream.of(StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(prefix, Spliterator.ORDERED), false)));
        if (state.isEmpty() || prefix.lastApplied == null) {
            throw new NotRegisteredYetException(userId, asOf, basis);
        }
        StoredEvent last = prefix.lastApplied.source();
        return new UserStateAsOf(userId, asOf, basis.toString(), last.sequenceNumber(), last.position(),
                                 businessTime(prefix.lastApplied.message()), last.storedAt(), prefix.applied,
                                 state.get());
    }

    /** Built when first needed: Axon's configuration is complete only once the application has started. */
    private UserHistory history() {
        UserHistory built = history;
        if (built == null) {
            built = UserHistory.of(axon.getObject());
            history = built;
        }
        return built;
    }

    private static Instant businessTime(DomainEventMessage<?> message) {
        Instant occurredAt = AuditedEvents.businessTime(message.getPayload());
        return occurredAt != null ? occurredAt : message.getTimestamp();
    }

    private record Read(StoredEvent source, DomainEventMessage<?> message) {
    }

    /** The messages of the stream up to the moment, deserialized as the event store reads them. */
    private final class Prefix implements Iterator<DomainEventMessage<?>> {

        private final Instant asOf;
        private final TimeBasis basis;
        private final Deque<Read> pending = new ArrayDeque<>();
        private StoredStream page;
        private long pageStart;
        private int index;
        private boolean ended;
        private Read lastApplied;
        private long applied;

        Prefix(StoredStream first, Instant asOf, TimeBasis basis) {
            this.page = first;
            this.asOf = asOf;
            this.basis = basis;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && !ended) {
                readNext();
            }
            return !pending.isEmpty();
        }

        @Override
        public DomainEventMessage<?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            lastApplied = pending.poll();
            applied++;
            return lastApplied.message();
        }

        private void readNext() {
            if (index == page.events().size()) {
                pageStart += StoredEvents.MAX_PAGE;
                if (pageStart > page.lastSequence()) {
                    ended = true;
                    return;
                }
                page = storedEvents.stream(page.aggregateIdentifier(), pageStart, StoredEvents.MAX_PAGE)
                                   .orElseThrow();
                index = 0;
                return;
            }
            StoredEvent event = page.events().get(index++);
            if (basis == TimeBasis.STORAGE && event.storedAt().isAfter(asOf)) {
                ended = true;
                return;
            }
            for (DomainEventMessage<?> message : readable(event)) {
                if (basis == TimeBasis.BUSINESS && businessTime(message).isAfter(asOf)) {
                    ended = true;
                    return;
                }
                pending.add(new Read(event, message));
            }
        }

        /** The event's messages with their payloads read, so that an unreadable event fails here, named. */
        private Iterable<DomainEventMessage<?>> readable(StoredEvent event) {
            try {
                List<DomainEventMessage<?>> messages = storedEvents.deserialize(event);
                messages.forEach(DomainEventMessage::getPayload);
                return messages;
            } catch (RuntimeException e) {
                throw new IllegalStateException("Event " + event.sequenceNumber() + " of user '"
                                                        + event.aggregateIdentifier() + "' at position "
                                                        + event.position() + " cannot be read", e);
            }
        }
    }
}
