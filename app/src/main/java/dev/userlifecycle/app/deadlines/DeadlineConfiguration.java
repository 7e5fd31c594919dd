package dev.userlifecycle.app.deadlines;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.mongo.LifecycleMongoProperties;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Sagas and their deadlines, kept in MongoDB so that both survive a restart.
 * <p>
 * Axon's {@code SimpleDeadlineManager} keeps its deadlines in memory: a stop loses every saga step and point expiry
 * that was due later. {@link JobRunrDeadlineManager} stores each deadline as a JobRunr job in MongoDB (collections
 * {@code jobrunr_*} of the service's database), and JobRunr's job server, polling that storage, runs it when it is
 * due, also after a restart and in whichever {@code sagas} process polls first. The saga a deadline belongs to is
 * loaded from the {@link MongoSagaStore}, which every saga uses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.SAGAS)
class DeadlineConfiguration {

    static final String COLLECTION_PREFIX = "jobrunr_";

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                TransactionManager transactionManager) {
        return MongoSagaStore.builder()
                             .mongoTemplate(axonMongoTemplate)
                             .serializer(serializer)
                             .transactionManager(transactionManager)
                             .build();
    }

    /** JobRunr's own mapper: the application's one rejects unknown properties, which JobRunr's documents have. */
    @Bean
    JsonMapper jobRunrJsonMapper() {
        return new JacksonJsonMapper();
    }

    @Bean
    StorageProvider jobRunrStorageProvider(MongoClient client, MongoDatabase database,
                                           LifecycleMongoProperties properties, JsonMapper jobRunrJsonMapper) {
        MongoDBStorageProvider storage = new MongoDBStorageProvider(client, database.getName(), COLLECTION_PREFIX,
                                                                    migrations(properties));
        storage.setJobMapper(new JobMapper(jobRunrJsonMapper));
        return storage;
    }

    /**
     * On the embedded server JobRunr's migrations fail (M007 drops the index {@code name_1_owner_1} by name, which the
     * server reports as not found) and are skipped with their validation: it indexes only {@code _id} anyway, and the
     * collections appear with their first document. A real MongoDB gets JobRunr's collections and indexes.
     */
    private static DatabaseOptions migrations(LifecycleMongoProperties properties) {
        return properties.useEmbedded() ? DatabaseOptions.NO_VALIDATE : DatabaseOptions.CREATE;
    }

    /**
     * Messages created while a deadline is handled (the commands of a saga's deadline handler, the next deadline)
     * carry the deadline's correlation, as those created while an event is handled carry the event's: Axon's event
     * processors and command bus register the correlation data providers, its deadline managers do not.
     */
    @Bean
    JobRunrDeadlineManager deadlineManager(StorageProvider jobRunrStorageProvider,
                                           org.axonframework.config.Configuration axonConfiguration,
                                           Serializer serializer, TransactionManager transactionManager,
                                           ObjectProvider<DeadlineManagerSpanFactory> spanFactory,
                                           List<CorrelationDataProvider> correlationDataProviders) {
        JobRunrDeadlineManager.Builder builder =
                JobRunrDeadlineManager.builder()
                                      .jobScheduler(new JobScheduler(jobRunrStorageProvider))
                                      .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                                      .serializer(serializer)
                                      .transactionManager(transactionManager);
        spanFactory.ifAvailable(builder::spanFactory);
        JobRunrDeadlineManager deadlineManager = builder.build();
        deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return deadlineManager;
    }

    @Bean
    DeadlineJobServer deadlineJobServer(StorageProvider jobRunrStorageProvider, JsonMapper jobRunrJsonMapper,
                                        BeanFactory beans, DeadlineProperties properties) {
        BackgroundJobServerConfiguration configuration =
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                                                .andName("deadlines")
                                                .andPollInterval(properties.pollInterval())
                                                .andWorkerCount(properties.workers());
        return new DeadlineJobServer(new BackgroundJobServer(jobRunrStorageProvider, jobRunrJsonMapper,
                                                             new BeanJobActivator(beans), configuration));
    }
}
