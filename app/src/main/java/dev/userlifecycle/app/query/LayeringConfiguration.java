package dev.userlifecycle.app.query;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.query.api.LayerQueryController;
import dev.userlifecycle.query.layering.LayeringParameters;
import dev.userlifecycle.query.layers.LayeringQueries;
import dev.userlifecycle.query.layers.LayeringRuns;
import dev.userlifecycle.query.layers.ScheduledLayering;
import dev.userlifecycle.query.rebuild.Generations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Layering runs in a process with the query role: on demand ({@code POST /api/v1/layers/runs}) and on the schedule
 * {@code lifecycle.layering.schedule}, with {@code lifecycle.layering.k} clusters unless a request says otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.QUERY)
@Import(LayerQueryController.class)
class LayeringConfiguration {

    @Bean
    LayeringRuns layeringRuns(Generations readModels, Clock clock, ZoneId platformZone,
                              @Value("${lifecycle.layering.k:4}") int k) {
        return new LayeringRuns(readModels, clock, platformZone, LayeringParameters.defaults().withK(k));
    }

    @Bean
    LayeringQueries layeringQueries(Generations readModels) {
        return new LayeringQueries(readModels);
    }

    @Bean
    ScheduledLayering scheduledLayering(LayeringRuns layeringRuns) {
        return new ScheduledLayering(layeringRuns);
    }
}
