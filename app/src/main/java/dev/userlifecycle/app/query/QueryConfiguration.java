package dev.userlifecycle.app.query;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.query.analytics.AnalyticsQueries;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.analytics.ChurnReader;
import dev.userlifecycle.query.api.AnalyticsController;
import dev.userlifecycle.query.api.IncidentQueryController;
import dev.userlifecycle.query.api.UserQueryController;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.incidents.IncidentProjection;
import dev.userlifecycle.query.incidents.IncidentQueries;
import dev.userlifecycle.query.points.PointsExpiryCandidateFinder;
import dev.userlifecycle.query.points.PointsLedgerProjection;
import dev.userlifecycle.query.profile.DormancyCandidateFinder;
import dev.userlifecycle.query.profile.UserProfileProjection;
import dev.userlifecycle.query.rebuild.Generations;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The projections and the query REST API, in a process with the query role. Axon's Spring autoconfiguration finds
 * the event and query handlers of the projection beans; each projection's processing group runs in a tracking
 * processor of its own, so it follows the event store from its own token and a reset replays it. A failing batch is
 * handled again (with Axon's back-off), never skipped.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.QUERY)
@Import({UserQueryController.class, AnalyticsController.class, IncidentQueryController.class,
        AnalyticsFlushing.class})
class QueryConfiguration {

    /** Where each projection's collections are: the generation a rebuild switched it to, or the plain names. */
    @Bean
    Generations generations(MongoDatabase database) {
        return new Generations(database);
    }

    @Bean
    UserProfileProjection userProfileProjection(Generations readModels, QueryUpdateEmitter queryUpdateEmitter) {
        return new UserProfileProjection(readModels, queryUpdateEmitter);
    }

    @Bean
    PointsLedgerProjection pointsLedgerProjection(Generations readModels) {
        return new PointsLedgerProjection(readModels);
    }

    @Bean
    PointsExpiryCandidateFinder pointsExpiryCandidateFinder(Generations readModels) {
        return new PointsExpiryCandidateFinder(readModels);
    }

    @Bean
    DormancyCandidateFinder dormancyCandidateFinder(Generations readModels) {
        return new DormancyCandidateFinder(readModels);
    }

    @Bean
    AnalyticsStore analyticsStore(Generations readModels) {
        return new AnalyticsStore(readModels);
    }

    @Bean
    UserFactsProjection userFactsProjection(Generations readModels, ZoneId platformZone, AnalyticsStore analytics) {
        return new UserFactsProjection(readModels, platformZone, analytics);
    }

    @Bean
    AnalyticsQueries analyticsQueries(Generations readModels, Clock clock, ZoneId platformZone,
                                      @Value("${lifecycle.currency:CNY}") String currency) {
        return new AnalyticsQueries(readModels, clock, platformZone, currency);
    }

    @Bean
    IncidentProjection incidentProjection(Generations readModels) {
        return new IncidentProjection(readModels);
    }

    @Bean
    IncidentQueries incidentQueries(Generations readModels, Clock clock, ZoneId platformZone) {
        return new IncidentQueries(readModels, new ChurnReader(readModels, clock, platformZone));
    }

    @Bean
    ConfigurerModule projectionProcessors(@Value("${lifecycle.query.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : new String[]{UserProfileProjection.PROCESSING_GROUP,
                    UserFactsProjection.PROCESSING_GROUP, PointsLedgerProjection.PROCESSING_GROUP,
                    IncidentProjection.PROCESSING_GROUP}) {
                processing.registerTrackingEventProcessor(group, Configuration::eventStore, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
                // Axon's default logs a failing handler and goes on, storing the token past a batch never written
                processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        });
    }
}
