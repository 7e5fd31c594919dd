package dev.userlifecycle.app.roles;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RoleConditionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(RoleBeans.class);

    @Test
    void everyRoleIsActiveByDefault() {
        runner.run(context -> assertThat(context).hasBean("commandApi").hasBean("projections").hasBean("sagas"));
    }

    @Test
    void aQueryProcessHasOnlyTheQueryBeans() {
        runner.withPropertyValues("lifecycle.roles=query")
              .run(context -> assertThat(context).hasBean("projections")
                                                 .doesNotHaveBean("commandApi")
                                                 .doesNotHaveBean("sagas")
                                                 .doesNotHaveBean("aggregates"));
    }

    @Test
    void aSagasProcessHandlesCommandsWithoutTheCommandApi() {
        runner.withPropertyValues("lifecycle.roles= Sagas ")
              .run(context -> assertThat(context).hasBean("aggregates").hasBean("sagas")
                                                 .doesNotHaveBean("commandApi"));
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        runner.withPropertyValues("lifecycle.roles=command,reporting")
              .run(context -> assertThat(context).hasFailed()
                                                 .getFailure().hasStackTraceContaining("Unknown role 'reporting'"));
    }

    @Configuration
    static class RoleBeans {

        @Bean
        @ConditionalOnRole(Role.COMMAND)
        String commandApi() {
            return "command API";
        }

        @Bean
        @ConditionalOnRole({Role.COMMAND, Role.SAGAS})
        String aggregates() {
            return "aggregates";
        }

        @Bean
        @ConditionalOnRole(Role.QUERY)
        String projections() {
            return "projections";
        }

        @Bean
        @ConditionalOnRole(Role.SAGAS)
        String sagas() {
            return "sagas";
        }
    }
}
