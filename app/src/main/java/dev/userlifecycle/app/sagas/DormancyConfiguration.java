package dev.userlifecycle.app.sagas;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.sagas.dormancy.DormancySweep;
import dev.userlifecycle.sagas.dormancy.DormancySweepController;
import dev.userlifecycle.sagas.dormancy.ScheduledDormancySweep;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;

/** The dormancy sweep, daily and on demand, in a process with the sagas role. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.SAGAS)
@Import(DormancySweepController.class)
class DormancyConfiguration {

    @Bean
    DormancySweep dormancySweep(QueryGateway queryGateway, CommandGateway commandGateway,
                                @Value("${lifecycle.dormancy.period:30d}") Duration period,
                                @Value("${lifecycle.dormancy.page-size:1000}") int pageSize) {
        return new DormancySweep(queryGateway, commandGateway, period, pageSize);
    }

    @Bean
    ScheduledDormancySweep scheduledDormancySweep(DormancySweep dormancySweep, Clock clock) {
        return new ScheduledDormancySweep(dormancySweep, clock);
    }
}
