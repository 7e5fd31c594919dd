package dev.userlifecycle.app.sagas;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.sagas.crisis.CompensationSettings;
import dev.userlifecycle.sagas.crisis.CrisisCompensationSaga;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The crisis-compensation saga, in a process with the sagas role. It runs in Axon's default saga processor, a
 * tracking processor that starts at the head of the event stream: a new deployment on an existing store does not
 * apologise again for incidents of the past.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.SAGAS)
class CrisisConfiguration {

    @Bean
    CompensationSettings compensationSettings(CrisisProperties properties) {
        return properties.settings();
    }

    @Bean
    ConfigurerModule crisisCompensationSaga() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSaga(CrisisCompensationSaga.class));
    }
}
