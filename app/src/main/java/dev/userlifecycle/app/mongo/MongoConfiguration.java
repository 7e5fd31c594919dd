package dev.userlifecycle.app.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.UuidRepresentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The MongoDB client: to {@code lifecycle.mongo.uri} when set, otherwise to the embedded server. */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMongoCondition.class)
    EmbeddedMongo embeddedMongo(LifecycleMongoProperties properties) {
        return EmbeddedMongo.start(properties.embedded());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(LifecycleMongoProperties properties, ObjectProvider<EmbeddedMongo> embedded) {
        String uri = properties.useEmbedded() ? embedded.getObject().connectionString() : properties.uri();
        return MongoClients.create(MongoClientSettings.builder()
                                                      .applyConnectionString(new ConnectionString(uri))
                                                      .uuidRepresentation(UuidRepresentation.STANDARD)
                                                      .applicationName("user-lifecycle")
                                                      .build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, LifecycleMongoProperties properties) {
        return client.getDatabase(properties.database());
    }
}
