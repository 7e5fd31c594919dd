package dev.userlifecycle.app.metadata;

import dev.userlifecycle.events.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every stored event carries {@link AuditMetadata}: {@code principal}, {@code source}, {@code correlationId} and
 * {@code causationId}.
 * <p>
 * Commands get them when they are sent ({@link CommandMetadataInterceptor}; Axon registers every dispatch
 * interceptor bean on the command gateway). Axon copies the correlation data of the message being handled into every
 * message created while it is handled: the events a command handler applies, the commands a saga sends, the deadlines
 * it schedules. Its {@link MessageOriginProvider} names the handled message's id the "correlation" and the chain's
 * root the "trace"; here they are the {@code causationId} and the {@code correlationId}. These providers replace
 * Axon's default one, and {@link CommandOriginProvider} adds the command's principal and source.
 */
@Configuration(proxyBeanMethods = false)
class EventMetadataConfiguration {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider commandOriginProvider() {
        return new CommandOriginProvider();
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandMetadataInterceptor() {
        return new CommandMetadataInterceptor();
    }

    /** Before Spring Security, so that a 401 or 403 answers the correlation id too. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
