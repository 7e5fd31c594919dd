package dev.userlifecycle.app.query;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.api.ProjectionRebuildController;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.rebuild.ProjectionCopies;
import dev.userlifecycle.query.rebuild.ProjectionRebuilds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Projection rebuilds without downtime in a process with the query role:
 * {@code POST/GET /api/v1/admin/projections/{name}/rebuild}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.QUERY)
@Import(ProjectionRebuildController.class)
class RebuildConfiguration {

    @Bean
    ProjectionRebuilds projectionRebuilds(Generations generations, AnalyticsStore analytics, ZoneId platformZone,
                                          ObjectProvider<org.axonframework.config.Configuration> axon, Clock clock,
                                          RebuildProperties properties) {
        return new ProjectionRebuilds(generations, new ProjectionCopies(platformZone, analytics), axon::getObject,
                                      clock, properties.settings());
    }

    /**
     * Starts after Axon (whose processors the rebuilds stop and start) and before the web server; stops in the
     * opposite order, so a switch under way ends before Axon's processors stop.
     */
    @Bean
    SmartLifecycle projectionRebuildsLifecycle(ProjectionRebuilds rebuilds) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                rebuilds.start();
                running = true;
            }

            @Override
            public void stop() {
                rebuilds.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 2560;
            }
        };
    }
}
