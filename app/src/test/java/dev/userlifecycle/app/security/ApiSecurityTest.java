package dev.userlifecycle.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.app.TestApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every group of endpoints against a key of each role, without a key and with a wrong one. Requests that would
 * change shared state (a layering run, a sweep, an incident) carry a body the endpoint refuses as invalid: a 400 or
 * 422 shows that the request got past the security check without running it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityTest {

    private static final List<String> ROLES = List.of("frontend", "analyst", "auditor", "admin");

    /** A request of one group of endpoints; {@code {user}} stands for a registered user. */
    record Endpoint(String role, HttpMethod method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("frontend", HttpMethod.POST, "/api/v1/users", null),
            new Endpoint("frontend", HttpMethod.POST, "/api/v1/users/{user}/activation", "{}"),
            new Endpoint("frontend", HttpMethod.POST, "/api/v1/users/{user}/activities", "{\"kind\": \"LOGIN\"}"),
            new Endpoint("frontend", HttpMethod.POST, "/api/v1/users/{user}/purchases",
                         "{\"orderId\": \"o-1\", \"amount\": {\"amount\": \"2.00\", \"currency\": \"CNY\"}}"),
            new Endpoint("frontend", HttpMethod.POST, "/api/v1/users/{user}/points/redemptions",
                         "{\"points\": 1, \"reason\": \"coupon\"}"),
            new Endpoint("frontend", HttpMethod.PUT, "/api/v1/users/{user}/consents",
                         "{\"sms\": true, \"push\": false, \"email\": false}"),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/users/{user}", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/users/{user}/points", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/users/{user}/layers", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/retention?cohort=week&period=week", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/lifecycle?interval=week", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/kpis", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/campaigns/wake-up", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/layers", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/layers/runs", null),
            new Endpoint("analyst", HttpMethod.POST, "/api/v1/layers/runs", "{\"k\": 99}"),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/incidents?status=OPEN", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/incidents/incident-unknown", null),
            new Endpoint("analyst", HttpMethod.GET, "/api/v1/outreach/messages?userId={user}", null),
            new Endpoint("auditor", HttpMethod.GET, "/api/v1/audit/users/{user}/events", null),
            new Endpoint("auditor", HttpMethod.GET, "/api/v1/audit/users/{user}/state", null),
            new Endpoint("auditor", HttpMethod.GET, "/api/v1/audit/events", null),
            new Endpoint("admin", HttpMethod.POST, "/api/v1/incidents",
                         "{\"title\": \"Outage\", \"severity\": \"LOW\", \"affectedUserIds\": []}"),
            new Endpoint("admin", HttpMethod.POST, "/api/v1/admin/dormancy/sweeps", "{\"asOf\": \"yesterday\"}"),
            new Endpoint("admin", HttpMethod.POST, "/api/v1/admin/points/expiry-sweeps", "{\"asOf\": \"soon\"}"),
            new Endpoint("admin", HttpMethod.GET, "/api/v1/admin/projections/user-profiles/rebuild", null));

    @Autowired
    TestRestTemplate rest;

    private Http http;
    private String user;

    @BeforeAll
    void aRegisteredUser() {
        http = new Http(rest);
        user = "sec-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/users", registration(user)).status()).isEqualTo(201);
    }

    Stream<Arguments> everyEndpointWithEveryRole() {
        return ENDPOINTS.stream().flatMap(endpoint -> ROLES.stream().map(role -> Arguments.of(endpoint, role)));
    }

    Stream<Endpoint> everyEndpoint() {
        return ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0} with a {1} key")
    @MethodSource("everyEndpointWithEveryRole")
    void aKeyMayCallTheEndpointsOfItsRoleAndIsForbiddenTheOthers(Endpoint endpoint, String role) {
        Response response = send(http.withKey(TestApiKeys.only(role)), endpoint);

        if (endpoint.role().equals(role)) {
            assertThat(response.status()).as("%s with the %s role: %s", endpoint, role, response.body())
                                         .isNotIn(401, 403);
        } else {
            assertThat(response.status()).as("%s with the %s role", endpoint, role).isEqualTo(403);
            assertProblem(response, 403, "Forbidden");
            assertThat(response.body().path("detail").asText())
                    .contains("test-" + role, "needs the role " + endpoint.role());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void withoutAKeyEveryEndpointIs401(Endpoint endpoint) {
        Response response = send(http.withoutKey(), endpoint);

        assertProblem(response, 401, "Unauthorized");
        assertThat(response.errorFields()).containsExactly("X-API-Key");
        assertThat(response.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("X-API-Key");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void withAWrongKeyEveryEndpointIs401(Endpoint endpoint) {
        Response response = send(http.withKey("a-key-nobody-was-given-" + UUID.randomUUID()), endpoint);

        assertProblem(response, 401, "Unauthorized");
        assertThat(response.body().path("detail").asText()).contains("not valid");
    }

    @Test
    void aForbiddenCommandChangesNothing() {
        String userId = "sec-" + UUID.randomUUID();

        Response refused = http.withKey(TestApiKeys.only("analyst")).post("/api/v1/users", registration(userId));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/" + userId).status()).isEqualTo(404);
    }

    @Test
    void noKeyMayUseAMethodOrPathThatNoRuleNames() {
        assertThat(http.send(HttpMethod.DELETE, "/api/v1/users/" + user, null, new HttpHeaders()).status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/kpis", "{}").status()).isEqualTo(403);
        assertThat(http.get("/api/v2/users/" + user).status()).isEqualTo(403);
    }

    @Test
    void healthIsOpenToEveryone() {
        Response health = http.withoutKey().get("/actuator/health");
        Response liveness = http.withoutKey().get("/actuator/health/liveness");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
    }

    @Test
    void theOtherActuatorEndpointsAreTheAdminsOnly() {
        assertThat(http.withoutKey().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(http.withKey(TestApiKeys.only("analyst")).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(http.withKey(TestApiKeys.only("admin")).get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentSwaggerUiAndStaticPagesNeedNoKey() {
        assertThat(http.withoutKey().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(http.withoutKey().get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(http.withoutKey().get("/dashboard").status()).as("the dashboard asks for the key itself")
                                                              .isEqualTo(200);
        assertThat(http.withoutKey().get("/webjars/echarts/dist/echarts.esm.min.js").status()).isEqualTo(200);
        assertThat(http.withoutKey().get("/api/v1/kpis").status()).as("its data calls need the key").isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheKeyAndTheRoleOfEachOperation() {
        JsonNode document = http.withoutKey().get("/v3/api-docs").body();

        JsonNode scheme = document.path("components").path("securitySchemes").path("apiKey");
        assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asText()).isEqualTo("header");
        assertThat(scheme.path("name").asText()).isEqualTo("X-API-Key");
        assertThat(document.path("security").get(0).has("apiKey")).isTrue();
        JsonNode purchase = document.path("paths").path("/api/v1/users/{userId}/purchases").path("post");
        assertThat(purchase.path("description").asText()).contains("role `frontend`");
        assertThat(purchase.path("responses").has("401")).isTrue();
        assertThat(purchase.path("responses").has("403")).isTrue();
        assertThat(document.path("paths").path("/api/v1/admin/dormancy/sweeps").path("post").path("parameters")
                           .findValuesAsText("name"))
                .as("the requester comes from the key, not from a parameter").containsExactly("Idempotency-Key");
    }

    private Response send(Http client, Endpoint endpoint) {
        String path = endpoint.path().replace("{user}", user);
        String body = endpoint.body() != null ? endpoint.body()
                : endpoint.method() == HttpMethod.POST ? registration("sec-" + UUID.randomUUID()) : null;
        return client.send(endpoint.method(), path, body, new HttpHeaders());
    }

    private static void assertProblem(Response response, int status, String title) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("title").asText()).isEqualTo(title);
    }

    private static String registration(String userId) {
        return "{\"userId\": \"" + userId + "\", \"channel\": {\"source\": \"ads\"}}";
    }
}
