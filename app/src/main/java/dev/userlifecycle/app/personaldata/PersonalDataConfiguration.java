package dev.userlifecycle.app.personaldata;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.app.web.KeptAnswers;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Personal data in every process: the event serializer that encrypts and decrypts it, and the users' keys. In a
 * process that handles commands, the erasure of a user's personal data also deletes the key.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalDataKeys personalDataKeys(MongoDatabase database, Clock clock) {
        return new PersonalDataKeys(database, new PersonalDataCipher(), clock);
    }

    /** Axon's event serializer (its own one steps back for a bean of this qualifier). */
    @Bean
    @Qualifier("eventSerializer")
    PersonalDataSerializer personalDataEventSerializer(Serializer serializer, PersonalDataKeys keys) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("personal data is sealed in JSON: axon.serializer.general must be jackson, "
                                            + "not " + serializer.getClass().getSimpleName());
        }
        return new PersonalDataSerializer(jackson, new PersonalDataSealer(new PersonalDataCipher(), keys,
                                                                          jackson.getObjectMapper()));
    }

    @Bean
    @ConditionalOnRole({Role.COMMAND, Role.SAGAS})
    ConfigurerModule personalDataErasure(PersonalDataKeys keys, KeptAnswers keptAnswers) {
        PersonalDataErasureInterceptor erasure = new PersonalDataErasureInterceptor(keys, keptAnswers);
        return configurer -> configurer.onInitialize(c -> c.onStart(
                Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> c.commandBus().registerHandlerInterceptor(erasure)));
    }
}
