package dev.userlifecycle.app.command;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncidentCommandApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EventStore eventStore;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void declaringAnIncidentAnswers201WithItsIdAndRecordsTheDeadlines() {
        String first = registered();
        String second = registered();

        Response response = http.post("/api/v1/incidents", """
                {"incidentId": "inc-%s", "title": "Payment outage", "severity": "HIGH",
                 "occurredAt": "2026-03-01T10:00:00Z", "affectedUserIds": ["%s", "%s"]}
                """.formatted(UUID.randomUUID(), first, second));

        assertThat(response.status()).isEqualTo(201);
        String incidentId = response.body().path("incidentId").asText();
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(incidentId, 0).asStream().toList();
        assertThat(events).extracting(e -> e.getPayloadType().getSimpleName()).containsExactly("IncidentDeclared");
        assertThat(events.get(0).getPayload().toString())
                .contains("apologyDueBy=2026-03-01T12:00:00Z", "compensationDueBy=2026-03-02T10:00:00Z");
    }

    @Test
    void anIncidentIdIsGeneratedWhenOmitted() {
        Response response = http.post("/api/v1/incidents", """
                {"title": "Late deliveries", "severity": "LOW", "affectedUserIds": ["%s"]}""".formatted(registered()));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().path("incidentId").asText()).startsWith("incident-");
    }

    @Test
    void unknownAffectedUsersAre422AndNothingIsDeclared() {
        String incidentId = "inc-" + UUID.randomUUID();

        Response response = http.post("/api/v1/incidents", """
                {"incidentId": "%s", "title": "Outage", "severity": "HIGH", "affectedUserIds": ["%s", "ghost-%s"]}
                """.formatted(incidentId, registered(), UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("affectedUserIds");
        assertThat(eventStore.readEvents(incidentId, 0).asStream()).isEmpty();
    }

    @Test
    void anIncidentWithoutAffectedUsersOrWithAnUnknownSeverityIs400() {
        Response empty = http.post("/api/v1/incidents",
                                   "{\"title\": \"Outage\", \"severity\": \"HIGH\", \"affectedUserIds\": []}");
        Response severity = http.post("/api/v1/incidents", """
                {"title": "Outage", "severity": "APOCALYPTIC", "affectedUserIds": ["%s"]}""".formatted(registered()));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("affectedUserIds");
        assertThat(severity.status()).isEqualTo(400);
        assertThat(severity.errorFields()).containsExactly("severity");
    }

    @Test
    void declaringTheSameIncidentTwiceIs409() {
        String body = """
                {"incidentId": "inc-%s", "title": "Outage", "severity": "MEDIUM", "affectedUserIds": ["%s"]}
                """.formatted(UUID.randomUUID(), registered());

        assertThat(http.post("/api/v1/incidents", body).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/incidents", body).status()).isEqualTo(409);
    }

    private String registered() {
        String userId = UserCommandApiTest.newUserId();
        assertThat(http.post("/api/v1/users", UserCommandApiTest.registration(userId)).status()).isEqualTo(201);
        return userId;
    }
}
