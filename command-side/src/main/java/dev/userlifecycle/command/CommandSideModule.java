package dev.userlifecycle.command;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.lifecycle.Phase;

/**
 * Everything the command side contributes to an Axon configuration: the {@code User} and {@code Incident}
 * aggregates (event-sourced, with a snapshot every {@code snapshotThreshold} events), the handlers of
 * {@code RegisterUser} and {@code DeclareIncident}, which span several aggregates, and a command handler interceptor
 * that reports an unknown user or incident as {@code UnknownUserException} / {@code UnknownIncidentException}.
 * <p>
 * With Axon's Spring Boot starter, declare it as a bean ({@code @Bean ConfigurerModule commandSide()}); in plain
 * Axon, call {@link #configureModule(Configurer)} on the configurer before building it. Either way the event store,
 * its serializer (snapshots hold the aggregates: use Jackson, XStream cannot read records) and the command bus are
 * the application's; the module takes snapshots with a snapshotter of its own, after the commit, in the command's
 * thread. The loyalty command handlers take the {@code LoyaltyProgram} as an injected resource: a Spring bean, or in
 * plain Axon a component registered on the configurer.
 * <p>
 * Users and incidents share one event store, so their ids must not collide: each aggregate reads only events of its
 * own type, and creating an aggregate under an id the other type uses fails when the events are stored, with
 * Axon's {@code AggregateStreamCreationException}.
 */
public final class CommandSideModule implements ConfigurerModule {

    public static final int DEFAULT_SNAPSHOT_THRESHOLD = 100;
    /** The aggregate type the events of a user's stream are stored with. */
    public static final String USER_AGGREGATE_TYPE = User.class.getSimpleName();
    /** The aggregate type the events of an incident's stream are stored with. */
    public static final String INCIDENT_AGGREGATE_TYPE = Incident.class.getSimpleName();

    private static final CachedCommandTargetResolver TARGETS = new CachedCommandTargetResolver();

    private final int snapshotThreshold;
    private final int cachedAggregates;

    public CommandSideModule() {
        this(DEFAULT_SNAPSHOT_THRESHOLD, 0);
    }

    public CommandSideModule(int snapshotThreshold) {
        this(snapshotThreshold, 0);
    }

    /**
     * @param cachedAggregates how many loaded aggregates of each type to keep in memory between commands, the least
     *                         recently used leaving first, so that a command on one of them reads nothing before it
     *                         appends; 0 for none. Safe with one command-handling process; with several, a cached
     *                         aggregate can be stale: its next append conflicts, the cache entry is dropped and the
     *                         command is retried on fresh state, but a command it refuses (say a redemption beyond
     *                         a balance another process just raised) is refused on stale state.
     */
    public CommandSideModule(int snapshotThreshold, int cachedAggregates) {
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException("snapshotThreshold must be positive: " + snapshotThreshold);
        }
        if (cachedAggregates < 0) {
            throw new IllegalArgumentException("cachedAggregates must not be negative: " + cachedAggregates);
        }
        this.snapshotThreshold = snapshotThreshold;
        this.cachedAggregates = cachedAggregates;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(eventSourced(User.class))
                  .configureAggregate(eventSourced(Incident.class))
                  .registerCommandHandler(c -> new RegistrationHandler(c.repository(User.class)))
                  .registerCommandHandler(c -> new IncidentDeclarationHandler(c.repository(User.class),
                                                                              c.repository(Incident.class)))
                  .onInitialize(c -> c.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> c.commandBus()
                          .registerHandlerInterceptor(new UnknownAggregateTranslator())));
    }

    private <A> AggregateConfigurer<A> eventSourced(Class<A> type) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(snapshotter(c, type),
                                                                                       snapshotThreshold))
                .configureFilterEventsByType(c -> true)
                .configureCommandTargetResolver(c -> TARGETS);
        if (cachedAggregates > 0) {
            aggregate.configureCache(c -> new LeastRecentlyUsedCache(cachedAggregates));
        }
        return aggregate;
    }

    // Not the configuration's snapshotter: under Spring that one only knows aggregates that are Spring beans.
    private static Snapshotter snapshotter(Configuration c, Class<?> type) {
        return AggregateSnapshotter.builder()
                                   .eventStore(c.eventStore())
                                   .aggregateFactories(c.aggregateConfiguration(type).aggregateFactory())
                                   .repositoryProvider(c::repository)
                                   .parameterResolverFactory(c.parameterResolverFactory())
                                   .handlerDefinition(c.handlerDefinition(type))
                                   .transactionManager(c.getComponent(TransactionManager.class,
                                                                      NoTransactionManager::instance))
                                   .build();
    }
}
