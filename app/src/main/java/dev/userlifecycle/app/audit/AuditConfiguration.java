package dev.userlifecycle.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.eventstore.StoredEvents;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit API, in processes with the command role: it reads only the event store (which every process reaches),
 * but rebuilding a user's past state replays the command side's {@code User} aggregate, and a process of its own for
 * commands keeps the audit's reads away from the projections of a query process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.COMMAND)
class AuditConfiguration {

    @Bean
    StoredEvents storedEvents(EventStorageEngine eventStorageEngine) {
        return StoredEvents.of(eventStorageEngine);
    }

    @Bean
    AuditedEvents auditedEvents(StoredEvents storedEvents) {
        return new AuditedEvents(storedEvents);
    }

    @Bean
    UserStates userStates(StoredEvents storedEvents, ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new UserStates(storedEvents, axon);
    }

    @Bean
    EventExport eventExport(StoredEvents storedEvents, AuditedEvents auditedEvents, ObjectMapper objectMapper,
                            AuditProperties properties) {
        return new EventExport(storedEvents, auditedEvents, objectMapper, properties.clockSkew());
    }
}
