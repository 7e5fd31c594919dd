package dev.userlifecycle.app.command;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.UserLifecycleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's H2 file keeps the users across a stop and start of the whole application. */
class RestartKeepsUsersTest {

    @TempDir
    Path directory;

    @Test
    void usersRegisteredBeforeARestartAreStillThere() {
        String userId = UserCommandApiTest.newUserId();
        try (ConfigurableApplicationContext app = start()) {
            assertThat(post(app, "/api/v1/users", UserCommandApiTest.registration(userId))).isEqualTo(201);
            assertThat(post(app, "/api/v1/users/" + userId + "/purchases",
                            "{\"orderId\": \"o-1\", \"amount\": {\"amount\": \"3.00\", \"currency\": \"CNY\"}}"))
                    .isEqualTo(201);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(post(restarted, "/api/v1/users", UserCommandApiTest.registration(userId)))
                    .as("the user exists").isEqualTo(409);
            assertThat(post(restarted, "/api/v1/users/" + userId + "/purchases",
                            "{\"orderId\": \"o-1\", \"amount\": {\"amount\": \"3.00\", \"currency\": \"CNY\"}}"))
                    .as("the purchase is remembered").isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments: the builder's properties are only defaults, and application.yml's values win over them
        return new SpringApplicationBuilder(UserLifecycleApplication.class)
                .run("--server.port=0",
                     "--lifecycle.mongo.uri=",
                     "--lifecycle.mongo.embedded.backend=h2",
                     "--lifecycle.mongo.embedded.file=" + directory.resolve("lifecycle.mv"),
                     TestApiKeys.ARGUMENT);
    }

    private static int post(ConfigurableApplicationContext app, String path, String body) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(Http.API_KEY_HEADER, TestApiKeys.EVERY_ROLE);
        try {
            return new RestTemplate().exchange("http://localhost:" + port + path, HttpMethod.POST,
                                               new HttpEntity<>(body, headers), String.class)
                                     .getStatusCode().value();
        } catch (HttpStatusCodeException e) {
            return e.getStatusCode().value();
        }
    }
}
