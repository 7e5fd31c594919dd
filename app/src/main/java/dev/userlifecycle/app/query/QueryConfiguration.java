package dev.userlifecycle.app.query;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.query.api.UserQueryController;
import dev.userlifecycle.query.profile.UserProfileProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The projections and the query REST API, in a process with the query role. Axon's Spring autoconfiguration finds
 * the event and query handlers of the projection beans; each projection's processing group runs in a tracking
 * processor, so it follows the event store from its own token and a reset replays it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.QUERY)
@Import(UserQueryController.class)
class QueryConfiguration {

    @Bean
    UserProfileProjection userProfileProjection(MongoDatabase database, QueryUpdateEmitter queryUpdateEmitter) {
        return new UserProfileProjection(database, queryUpdateEmitter);
    }

    @Bean
    ConfigurerModule userProfileProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                UserProfileProjection.PROCESSING_GROUP));
    }
}
