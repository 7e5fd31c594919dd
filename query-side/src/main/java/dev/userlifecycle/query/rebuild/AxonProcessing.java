package dev.userlifecycle.query.rebuild;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a rebuild needs of Axon: the event store's head, the live processors, their token store, and tracking
 * processors for copies. Looked up when used, as the configuration is complete only once Axon has started.
 */
final class AxonProcessing {

    private final Supplier<Configuration> axon;

    AxonProcessing(Supplier<Configuration> axon) {
        this.axon = axon;
    }

    long headPosition() {
        return Tokens.position(axon.get().eventStore().createHeadToken());
    }

    /** The live processor of a projection, when this process runs it. */
    Optional<StreamingEventProcessor> live(String projection) {
        return axon.get().eventProcessingConfiguration().eventProcessor(projection, StreamingEventProcessor.class);
    }

    /** The token store of the live processor of {@code projection}; a copy keeps its token there too. */
    Tokens tokens(String projection) {
        return new Tokens(axon.get().eventProcessingConfiguration().tokenStore(projection));
    }

    /**
     * A tracking processor for a copy of {@code projection}: its own token name, starting at the tail of the event
     * store, one segment; a failing batch is retried, never skipped, so the copy misses nothing.
     */
    TrackingEventProcessor copyProcessor(String projection, String tokenName, Object handler, int batchSize) {
        Configuration configuration = axon.get();
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handler)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(handler.getClass()))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
        return TrackingEventProcessor.builder()
                                     .name(tokenName)
                                     .eventHandlerInvoker(invoker)
                                     .messageSource(configuration.eventStore())
                                     .tokenStore(configuration.eventProcessingConfiguration().tokenStore(projection))
                                     .transactionManager(configuration.eventProcessingConfiguration()
                                                                      .transactionManager(projection))
                                     .errorHandler(PropagatingErrorHandler.instance())
                                     .trackingEventProcessorConfiguration(
                                             TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                     .andBatchSize(batchSize)
                                                     .andInitialTrackingToken(
                                                             StreamableMessageSource::createTailToken))
                                     .build();
    }

    static void restart(Optional<StreamingEventProcessor> processor, boolean wasRunning) {
        if (wasRunning) {
            processor.filter(p -> !p.isRunning()).ifPresent(EventProcessor::start);
        }
    }
}
