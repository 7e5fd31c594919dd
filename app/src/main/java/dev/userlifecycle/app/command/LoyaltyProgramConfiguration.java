package dev.userlifecycle.app.command;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.events.LoyaltyProgram;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

/**
 * The loyalty programme, in every process that handles commands: the user aggregate's loyalty command handlers take
 * it as a resource (Axon resolves handler parameters from Spring beans), and the loyalty policy of the sagas role
 * reads the points lifetime from it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({Role.COMMAND, Role.SAGAS})
class LoyaltyProgramConfiguration {

    @Bean
    LoyaltyProgram loyaltyProgram(LoyaltyProperties properties, ZoneId platformZone) {
        return properties.program(platformZone);
    }
}
