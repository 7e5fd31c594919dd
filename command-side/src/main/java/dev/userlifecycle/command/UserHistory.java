package dev.userlifecycle.command;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.ApplyMore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rebuilds a user's state from (a prefix of) their stored events, for the audit: a fresh {@code User} is sourced
 * from the events by its own event-sourcing handlers, the way Axon's {@code AggregateSnapshotter} builds the state it
 * snapshots, in a read-only aggregate that handles no command and applies nothing.
 */
public final class UserHistory {

    private final AggregateModel<User> model;

    public UserHistory(ParameterResolverFactory parameterResolverFactory, HandlerDefinition handlerDefinition) {
        this.model = AnnotatedAggregateMetaModelFactory.inspectAggregate(User.class, parameterResolverFactory,
                                                                         handlerDefinition);
    }

    /** With the parameter resolvers and handler enhancers of an Axon configuration. */
    public static UserHistory of(Configuration configuration) {
        return new UserHistory(configuration.parameterResolverFactory(), configuration.handlerDefinition(User.class));
    }

    /**
     * The state of the user after {@code events}, the first of which must be the registration; empty when there are
     * none or they do not register a user.
     */
    public Optional<UserState> replay(DomainEventStream events) {
        if (!events.hasNext()) {
            return Optional.empty();
        }
        ReadOnlyAggregate replayed = new ReadOnlyAggregate(new User(), model);
        replayed.initializeState(events);
        User user = replayed.getAggregateRoot();
        return user.isRegistered() ? Optional.of(user.state()) : Optional.empty();
    }

    private static final class ReadOnlyAggregate extends EventSourcedAggregate<User> {

        ReadOnlyAggregate(User root, AggregateModel<User> model) {
            super(root, model, null, null, NoSnapshotTriggerDefinition.TRIGGER);
        }

        @Override
        public Object handle(Message<?> message) {
            throw new UnsupportedOperationException("A replayed user handles no command");
        }

        @Override
        public <P> ApplyMore doApply(P payload, MetaData metaData) {
            return this;
        }

        @Override
        public ApplyMore andThen(Runnable runnable) {
            return this;
        }

        @Override
        public ApplyMore andThenApply(Supplier<?> payloadOrMessageSupplier) {
            return this;
        }
    }
}
