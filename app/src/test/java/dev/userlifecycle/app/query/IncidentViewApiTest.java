package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.RecordMilestoneMissed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incidents over HTTP after their histories went through the real commands. The churn comparison counts every user
 * of the database, so the app gets a database of its own, and runs without the sagas role: nobody apologises or
 * compensates but this test. An incident declared on 2024-06-10 10:00 in Shanghai, so the window is 06-11 to 07-10:
 * <pre>
 * affected    a1 dormant 06-24 (in the window), a2 dormant 07-15 (after it), a3 active
 * unaffected  u1 dormant 06-27, u2 dormant 06-01 (before), u3 dormant 07-01, u4 active
 *             late registers 06-20, after the declaration's day: not compared
 * </pre>
 * Every affected user is apologised to in time; compensation misses its deadline and is reached late.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=incidents_${random.uuid}", "lifecycle.roles=command,query"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentViewApiTest {

    private static final Instant REGISTERED = Instant.parse("2024-05-01T02:00:00Z");
    private static final Instant DECLARED = Instant.parse("2024-06-10T02:00:00Z");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CommandGateway commands;

    Http http;
    String incidentId;
    String openIncidentId;

    @BeforeAll
    void anIncidentOfJune2024() {
        http = new Http(rest);
        UserHistories users = new UserHistories(http, commands);
        List<String> affected = List.of(users.dormantUser("a1", REGISTERED, at("2024-06-24")),
                                        users.dormantUser("a2", REGISTERED, at("2024-07-15")),
                                        users.activeUser("a3", REGISTERED, at("2024-06-01")));
        users.dormantUser("u1", REGISTERED, at("2024-06-27"));
        users.dormantUser("u2", REGISTERED, at("2024-06-01"));
        users.dormantUser("u3", REGISTERED, at("2024-07-01"));
        String u4 = users.activeUser("u4", REGISTERED, at("2024-06-01"));
        users.activeUser("late", at("2024-06-20"), at("2024-06-20"));
        incidentId = declare(DECLARED, affected);
        for (String userId : affected) {
            commands.sendAndWait(new RecordApologySent(incidentId, userId, at("2024-06-10", 3)));
        }
        commands.sendAndWait(new RecordIncidentCompensation(incidentId, affected.get(0), 100, at("2024-06-10", 5)));
        commands.sendAndWait(new RecordMilestoneMissed(incidentId, IncidentMilestone.COMPENSATION,
                                                       at("2024-06-11", 2)));
        commands.sendAndWait(new RecordIncidentCompensation(incidentId, affected.get(1), 150, at("2024-06-11", 5)));
        commands.sendAndWait(new RecordIncidentCompensation(incidentId, affected.get(2), 50, at("2024-06-11", 6)));
        openIncidentId = declare(at("2024-06-12"), List.of(u4));
        commands.sendAndWait(new RecordMilestoneMissed(openIncidentId, IncidentMilestone.APOLOGY, at("2024-06-12", 4)));
        http.awaitGet("/api/v1/incidents/" + incidentId, incident -> incident.path("status").asText().equals("CLOSED")
                && incident.path("churn").path("affected").path("dormant").asInt() == 1
                && incident.path("churn").path("unaffected").path("count").asInt() == 4
                && incident.path("churn").path("unaffected").path("dormant").asInt() == 2);
        http.awaitGet("/api/v1/incidents/" + openIncidentId,
                      incident -> !incident.path("apology").path("missedAt").isNull());
    }

    @Test
    void anIncidentShowsItsUsersApologiesCompensationsAndMilestonesAgainstTheirDeadlines() {
        JsonNode incident = http.get("/api/v1/incidents/" + incidentId).body();

        assertThat(incident.path("title").asText()).isEqualTo("Payment outage");
        assertThat(incident.path("severity").asText()).isEqualTo("HIGH");
        assertThat(incident.path("declaredAt").asText()).isEqualTo("2024-06-10T02:00:00Z");
        assertThat(incident.path("status").asText()).isEqualTo("CLOSED");
        assertThat(incident.path("closedAt").asText()).isEqualTo("2024-06-11T06:00:00Z");
        assertThat(incident.path("affectedUsers").asInt()).isEqualTo(3);
        assertThat(incident.path("apologised").asInt()).isEqualTo(3);
        assertThat(incident.path("compensated").asInt()).isEqualTo(3);
        assertThat(incident.path("compensationPoints").asLong()).isEqualTo(300);
        JsonNode apology = incident.path("apology");
        assertThat(apology.path("dueBy").asText()).isEqualTo("2024-06-10T04:00:00Z");
        assertThat(apology.path("reachedAt").asText()).isEqualTo("2024-06-10T03:00:00Z");
        assertThat(apology.path("met").asBoolean()).isTrue();
        assertThat(apology.path("missedAt").isNull()).isTrue();
        JsonNode compensation = incident.path("compensation");
        assertThat(compensation.path("dueBy").asText()).isEqualTo("2024-06-11T02:00:00Z");
        assertThat(compensation.path("missedAt").asText()).isEqualTo("2024-06-11T02:00:00Z");
        assertThat(compensation.path("reachedAt").asText()).isEqualTo("2024-06-11T06:00:00Z");
        assertThat(compensation.path("met").asBoolean()).isFalse();
    }

    @Test
    void theAffectedUsersChurnIsComparedWithTheUsersRegisteredByTheDeclarationsDay() {
        JsonNode churn = http.get("/api/v1/incidents/" + incidentId).body().path("churn");

        assertThat(churn.path("firstDay").asText()).isEqualTo("2024-06-11");
        assertThat(churn.path("lastDay").asText()).isEqualTo("2024-07-10");
        assertThat(churn.path("windowEndsAt").asText()).as("midnight in Shanghai").isEqualTo("2024-07-10T16:00:00Z");
        assertThat(churn.path("windowClosed").asBoolean()).isTrue();
        assertThat(churn.path("affected").path("count").asInt()).isEqualTo(3);
        assertThat(churn.path("affected").path("dormant").asInt()).as("a1").isEqualTo(1);
        assertThat(churn.path("affected").path("rate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(churn.path("unaffected").path("count").asInt()).as("u1 to u4").isEqualTo(4);
        assertThat(churn.path("unaffected").path("dormant").asInt()).as("u1, u3").isEqualTo(2);
        assertThat(churn.path("unaffected").path("rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(churn.path("difference").decimalValue()).as("1/3 - 1/2").isEqualByComparingTo("-0.1667");
    }

    @Test
    void theListShowsTheIncidentsOfAStatusWithTheirSlaStatus() {
        JsonNode open = http.get("/api/v1/incidents?status=OPEN").body();
        JsonNode closed = http.get("/api/v1/incidents?status=CLOSED").body();
        JsonNode all = http.get("/api/v1/incidents").body();

        assertThat(ids(open)).containsExactly(openIncidentId);
        JsonNode pending = open.path("incidents").get(0);
        assertThat(pending.path("apology").path("met").isNull()).isTrue();
        assertThat(pending.path("apology").path("missedAt").asText()).isEqualTo("2024-06-12T04:00:00Z");
        assertThat(pending.path("churn").isNull()).isTrue();
        assertThat(ids(closed)).containsExactly(incidentId);
        assertThat(ids(all)).as("latest declared first").containsExactly(openIncidentId, incidentId);
    }

    @Test
    void anUnknownIncidentIs404AndABadStatusOrIdIs400NamingTheParameter() {
        Response unknown = http.get("/api/v1/incidents/no-such-incident");
        Response badStatus = http.get("/api/v1/incidents?status=PENDING");
        Response badId = http.get("/api/v1/incidents/-bad");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.errorFields()).containsExactly("status");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorFields()).containsExactly("incidentId");
    }

    private String declare(Instant at, List<String> affected) {
        String id = "inc-" + UUID.randomUUID();
        Response declared = http.post("/api/v1/incidents", """
                {"incidentId": "%s", "title": "Payment outage", "severity": "HIGH", "occurredAt": "%s",
                 "affectedUserIds": ["%s"]}""".formatted(id, at, String.join("\", \"", affected)));
        assertThat(declared.status()).as(declared.body().toString()).isEqualTo(201);
        return id;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("incidents").forEach(incident -> ids.add(incident.path("incidentId").asText()));
        return ids;
    }

    private static Instant at(String day) {
        return at(day, 2);
    }

    private static Instant at(String day, int hourUtc) {
        return Instant.parse(day + "T%02d:00:00Z".formatted(hourUtc));
    }
}
