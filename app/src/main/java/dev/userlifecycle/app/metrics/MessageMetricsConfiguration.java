package dev.userlifecycle.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The messages of the command bus, the event store, the query bus and every event processor, timed by
 * {@link MessageTimers} ({@code /actuator/metrics/axon.messages}). Axon's own metrics module is off
 * ({@code axon.metrics.auto-configuration.enabled: false} in {@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
class MessageMetricsConfiguration {

    @Bean
    ConfigurerModule messageMetrics(MeterRegistry registry) {
        return configurer -> configurer
                .configureMessageMonitor(CommandBus.class, c -> new MessageTimers(registry, "commandBus"))
                .configureMessageMonitor(EventBus.class, c -> new MessageTimers(registry, "eventStore"))
                .configureMessageMonitor(QueryBus.class, c -> new MessageTimers(registry, "queryBus"))
                .configureMessageMonitor(EventProcessor.class,
                                         (c, type, name) -> new MessageTimers(registry, name));
    }
}
