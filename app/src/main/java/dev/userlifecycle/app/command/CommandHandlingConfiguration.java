package dev.userlifecycle.app.command;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.command.CommandSideModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The aggregates and their command handlers, in every process that handles commands (command and sagas roles).
 * Commands are validated before dispatch whoever sends them, and a command that loses an optimistic-concurrency
 * race is retried with back-off, so concurrent commands on one user all take effect.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({Role.COMMAND, Role.SAGAS})
class CommandHandlingConfiguration {

    @Bean
    ConfigurerModule commandSide(@Value("${lifecycle.command.snapshot-threshold:100}") int snapshotThreshold,
                                 @Value("${lifecycle.command.cache-aggregates:true}") boolean cacheAggregates,
                                 @Value("${lifecycle.command.cache-size:50000}") int cacheSize) {
        return new CommandSideModule(snapshotThreshold, cacheAggregates ? cacheSize : 0);
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  @Value("${lifecycle.command.retries:12}") int maxRetries) {
        DefaultCommandGateway gateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetries(commandRetryExecutor, maxRetries))
                .build();
        gateway.registerDispatchInterceptor(new BeanValidationInterceptor<>());
        return gateway;
    }
}
