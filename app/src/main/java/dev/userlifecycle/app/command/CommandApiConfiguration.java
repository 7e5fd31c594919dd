package dev.userlifecycle.app.command;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.command.api.BusinessTime;
import dev.userlifecycle.command.api.IncidentCommandController;
import dev.userlifecycle.command.api.PersonalDataController;
import dev.userlifecycle.command.api.UserCommandController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.ZoneId;

/** The command REST API, in a process with the command role. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.COMMAND)
@Import({UserCommandController.class, IncidentCommandController.class, PersonalDataController.class})
class CommandApiConfiguration {

    @Bean
    BusinessTime businessTime(Clock clock, ZoneId platformZone) {
        return new BusinessTime(clock, platformZone);
    }
}
