package dev.userlifecycle.app.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.mongo.EmbeddedMongo;
import dev.userlifecycle.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Optional;

/** Axon's event store on the project's MongoDB engine, and the token store beside it. */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(MongoClient client, MongoDatabase database,
                                          EventStoreProperties properties,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer,
                                          ObjectProvider<EventUpcaster> upcasters,
                                          ObjectProvider<EmbeddedMongo> embeddedMongo,
                                          ObjectProvider<org.axonframework.config.Configuration> axon) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                                                                         .client(client)
                                                                         .database(database)
                                                                         .transactionMode(properties.transactions())
                                                                         .gapTimeout(properties.gapTimeout())
                                                                         .batchSize(properties.batchSize())
                                                                         .chainTipCacheSize(properties.chainTips())
                                                                         .eventSerializer(eventSerializer)
                                                                         .snapshotSerializer(serializer)
                                                                         .snapshotFilter(snapshotsOfCurrentRevision(axon));
        upcasterChain(upcasters).ifPresent(builder::upcasterChain);
        MongoEventStorageEngine engine = builder.build();
        EmbeddedMongo embedded = embeddedMongo.getIfAvailable();
        return embedded != null && embedded.writesToFile() ? new FlushingEventStorageEngine(engine, embedded) : engine;
    }

    /** Every upcaster bean, in their order, one after the other; none when there is no upcaster. */
    static Optional<EventUpcaster> upcasterChain(ObjectProvider<EventUpcaster> upcasters) {
        List<EventUpcaster> ordered = upcasters.orderedStream().toList();
        return ordered.isEmpty() ? Optional.empty() : Optional.of(new EventUpcasterChain(ordered));
    }

    /**
     * Axon's filter of every aggregate's {@code @Revision}: a snapshot of an aggregate whose state changed shape since
     * is ignored and the aggregate is rebuilt from its events. Looked up when a snapshot is read, because Axon's
     * configuration is built with this engine.
     */
    private static SnapshotFilter snapshotsOfCurrentRevision(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return snapshot -> axon.getObject().snapshotFilter().allow(snapshot);
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
