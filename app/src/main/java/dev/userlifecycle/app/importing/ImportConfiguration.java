package dev.userlifecycle.app.importing;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import dev.userlifecycle.query.layers.LayeringQueries;
import dev.userlifecycle.query.layers.LayeringRuns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The importer and its admin endpoint in a process with the command role. With the query role too, an import ends
 * when this process's read models have caught up with what it stored.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.COMMAND)
@Import(ImportController.class)
class ImportConfiguration {

    @Bean
    ImportCheckpoints importCheckpoints(MongoDatabase database, Clock clock) {
        return new ImportCheckpoints(database, clock);
    }

    @Bean
    Importer importer(CommandGateway commandGateway, ImportCheckpoints importCheckpoints, ZoneId platformZone,
                      ImportProperties properties, ObjectProvider<AnalyticsStore> analytics,
                      EventProcessingConfiguration processing, EventStore eventStore) {
        AnalyticsStore store = analytics.getIfAvailable();
        ReadModels readModels = store == null ? null
                : new ProcessorReadModels(new ProjectionCatchUp(processing, eventStore), store,
                                          properties.catchUpTimeout());
        return new Importer(commandGateway, importCheckpoints, platformZone, properties.threads(),
                            properties.batchSize(), properties.checkpointInterval(), readModels);
    }

    @Bean
    ImportJobs importJobs(MongoDatabase database, Clock clock, ImportProperties properties) {
        Duration staleAfter = properties.checkpointInterval().multipliedBy(30).plusSeconds(30);
        return new ImportJobs(database, clock, staleAfter);
    }

    @Bean
    @ConditionalOnRole(Role.QUERY)
    @ConditionalOnProperty("lifecycle.import.cdnow-demo.enabled")
    CdnowDemoLoader cdnowDemoLoader(ImportJobService importJobService, LayeringRuns layeringRuns,
                                    LayeringQueries layeringQueries, ImportProperties properties) {
        return new CdnowDemoLoader(importJobService, layeringRuns, layeringQueries, properties.cdnowDemo());
    }

    @Bean
    ImportJobService importJobService(Importer importer, ImportJobs importJobs, Clock clock,
                                      ImportProperties properties) {
        return new ImportJobService(importer, importJobs, clock, properties.checkpointInterval());
    }
}
