package dev.userlifecycle.app.sagas;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.sagas.wakeup.WakeUpSaga;
import dev.userlifecycle.sagas.wakeup.WakeUpSettings;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.ZoneId;

/**
 * The wake-up saga in a process with the sagas role: stored in the MongoDB saga store, run by a tracking processor of
 * its own ({@value WakeUpSaga#PROCESSING_GROUP}).
 * <p>
 * A fresh token starts at the head of the event store, not its tail: a saga acts on the world, so a processor that
 * starts without a token (the first deployment, a lost token) must not walk the history and contact users for
 * dormancies long past. Axon refuses to reset a processor of sagas, so a replay never reaches the saga either; the
 * saga's own max-age rule covers a processor that was stopped for days and catches up.
 * <p>
 * A failing step propagates instead of being logged and skipped: the processor retries the event, and every command
 * and delivery of a step is idempotent, so the retry doubles nothing.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.SAGAS)
@EnableConfigurationProperties(WakeUpProperties.class)
class WakeUpConfiguration {

    @Bean
    WakeUpSettings wakeUpSettings(WakeUpProperties properties, ZoneId platformZone) {
        return properties.settings(platformZone);
    }

    @Bean
    ConfigurerModule wakeUpSagaProcessing(SagaStore<Object> sagaStore) {
        String group = WakeUpSaga.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSaga(WakeUpSaga.class, saga -> saga.configureSagaStore(c -> sagaStore))
                .assignHandlerTypesMatching(group, WakeUpSaga.class::equals)
                .registerTrackingEventProcessor(group, Configuration::eventStore, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                           .andInitialTrackingToken(
                                                                   StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
