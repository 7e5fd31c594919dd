package dev.userlifecycle.app.roles;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.UserLifecycleApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment runs a process per role (docker/compose.yaml, the soak test's rebuild): each must start on its own,
 * with none of the beans of the other roles, and serve its own endpoints but not theirs.
 */
class SingleRoleProcessesStartTest {

    @ParameterizedTest(name = "a {0} process")
    @CsvSource({
            "command, /api/v1/admin/imports,               /api/v1/layers/runs",
            "query,   /api/v1/layers/runs,                 /api/v1/admin/imports",
            "sagas,   /api/v1/outreach/messages,           /api/v1/audit/events?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"
    })
    void startsAloneAndServesOnlyItsOwnEndpoints(String role, String itsOwn, String anotherRoles) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(UserLifecycleApplication.class)
                .run("--server.port=0",
                     "--lifecycle.roles=" + role,
                     "--lifecycle.mongo.uri=",
                     "--lifecycle.mongo.embedded.backend=memory",
                     TestApiKeys.ARGUMENT)) {
            Http http = Http.of(app);

            assertThat(http.get("/actuator/health").body().path("status").asText()).isEqualTo("UP");
            assertThat(http.get(itsOwn).status()).isEqualTo(200);
            assertThat(http.get(anotherRoles).status()).isEqualTo(404);
        }
    }
}
