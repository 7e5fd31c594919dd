package dev.userlifecycle.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.RegisterUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit API over HTTP: a user's events, their state as of a moment, and every event of a time range. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditApiTest {

    private static final Instant REGISTERED_AT = Instant.parse("2012-03-01T09:00:00Z");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CommandGateway commands;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(rest);
    }

    @Test
    void aUsersEventsAreListedInStreamOrderWithTheirPayloadTimesAndMetadata() {
        String userId = userWithAPurchase();

        JsonNode page = http.get("/api/v1/audit/users/" + userId + "/events").body();

        JsonNode events = page.path("events");
        assertThat(types(events)).startsWith("UserRegistered", "UserActivated", "UserActiveOnDay", "PurchaseMade");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.path("sequence").asLong()).isEqualTo(i);
            assertThat(event.path("aggregateId").asText()).isEqualTo(userId);
            assertThat(event.path("storedAt").asText()).isNotEmpty();
            assertThat(event.path("hash").asText()).hasSize(64);
            assertThat(event.path("metadata").path("correlationId").asText()).as("stored meta-data").isNotEmpty();
            if (i > 0) {
                assertThat(event.path("position").asLong()).isGreaterThan(events.get(i - 1).path("position").asLong());
            }
        }
        JsonNode purchase = events.get(3);
        assertThat(purchase.path("payloadType").asText()).isEqualTo("dev.userlifecycle.events.PurchaseMade");
        assertThat(purchase.path("occurredAt").asText()).isEqualTo("2012-03-03T10:00:00Z");
        assertThat(purchase.path("payload").path("orderId").asText()).isEqualTo("o-1");
        assertThat(purchase.path("payload").path("amount").path("amount").asText()).isEqualTo("12.50");
        assertThat(page.path("userId").asText()).isEqualTo(userId);
        assertThat(page.path("next").isNull()).isTrue();
    }

    @Test
    void aLongStreamIsReadInPages() {
        String userId = userWithAPurchase();

        Response first = http.get("/api/v1/audit/users/" + userId + "/events?limit=2");
        long next = first.body().path("next").asLong();
        Response second = http.get("/api/v1/audit/users/" + userId + "/events?limit=2&fromSequence=" + next);

        assertThat(types(first.body().path("events"))).containsExactly("UserRegistered", "UserActivated");
        assertThat(next).isEqualTo(2);
        assertThat(types(second.body().path("events"))).startsWith("UserActiveOnDay", "PurchaseMade");
    }

    @Test
    void anUnknownUserOrAnIncidentAskedForAsAUserIs404() {
        String incidentId = declaredIncident(userWithAPurchase());

        for (String id : List.of("nobody-" + UUID.randomUUID(), incidentId)) {
            for (String path : List.of("/events", "/state", "/chain")) {
                Response response = http.get("/api/v1/audit/users/" + id + path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
            }
        }
        assertThat(http.get("/api/v1/audit/incidents/nothing-" + UUID.randomUUID() + "/chain").status())
                .isEqualTo(404);
    }

    @Test
    void aPageOutsideItsBoundsIs400NamingTheParameter() {
        assertThat(http.get("/api/v1/audit/users/u-1/events?limit=0").errorFields()).containsExactly("limit");
        assertThat(http.get("/api/v1/audit/users/u-1/events?limit=1001").errorFields()).containsExactly("limit");
        assertThat(http.get("/api/v1/audit/users/u-1/events?fromSequence=-1").errorFields())
                .containsExactly("fromSequence");
    }

    @Test
    void theStateAsOfAMomentIsRebuiltFromTheEventsThatHadOccurredByThen() {
        String userId = userWithAPurchase();

        JsonNode activated = http.get(state(userId, "2012-03-02T12:00:00Z")).body();
        JsonNode purchased = http.get(state(userId, "2012-03-04T00:00:00Z")).body();
        JsonNode registered = http.get(state(userId, "2012-03-01T09:00:00Z")).body();

        assertThat(activated.path("state").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(activated.path("state").path("orderIds")).isEmpty();
        assertThat(activated.path("sequence").asLong()).isEqualTo(1);
        assertThat(activated.path("occurredAt").asText()).isEqualTo("2012-03-02T09:00:00Z");
        assertThat(activated.path("eventsApplied").asLong()).isEqualTo(2);
        assertThat(activated.path("basis").asText()).isEqualTo("business");
        assertThat(purchased.path("state").path("orderIds").get(0).asText()).isEqualTo("o-1");
        assertThat(purchased.path("state").path("lastActiveAt").asText()).isEqualTo("2012-03-03T10:00:00Z");
        assertThat(registered.path("state").path("status").asText()).as("at the moment itself").isEqualTo("REGISTERED");
        assertThat(registered.path("state").path("consents").path("sms").asBoolean()).isTrue();
        assertThat(registered.path("state").path("loyalty").path("tier").asText()).isEqualTo("BRONZE");
    }

    @Test
    void theStateAsOfAStorageTimeHasTheEventsStoredByThen() {
        String userId = registeredAndActivated();
        JsonNode activation = http.get("/api/v1/audit/users/" + userId + "/events").body().path("events").get(1);
        purchase(userId);

        JsonNode state = http.get(state(userId, activation.path("storedAt").asText()) + "&basis=storage").body();

        assertThat(state.path("basis").asText()).isEqualTo("storage");
        assertThat(state.path("sequence").asLong()).isEqualTo(1);
        assertThat(state.path("position").asLong()).isEqualTo(activation.path("position").asLong());
        assertThat(state.path("state").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(state.path("state").path("orderIds")).isEmpty();
        assertThat(http.get(state(userId, "2000-01-01T00:00:00Z") + "&basis=storage").status()).isEqualTo(404);
        JsonNode now = http.get("/api/v1/audit/users/" + userId + "/state?basis=STORAGE").body();
        assertThat(now.path("state").path("orderIds").get(0).asText()).as("asOf defaults to now").isEqualTo("o-1");
    }

    @Test
    void aMomentBeforeTheRegistrationIs404AndAMalformedMomentOrBasis400() {
        String userId = userWithAPurchase();

        Response before = http.get(state(userId, "2012-03-01T08:59:59Z"));
        Response malformed = http.get(state(userId, "yesterday"));
        Response basis = http.get(state(userId, "2012-03-04T00:00:00Z") + "&basis=wallclock");

        assertThat(before.status()).isEqualTo(404);
        assertThat(before.errorFields()).containsExactly("asOf");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("asOf");
        assertThat(basis.status()).isEqualTo(400);
        assertThat(basis.errorFields()).containsExactly("basis");
    }

    @Test
    void everyEventStoredInATimeRangeIsStreamedAsOneJsonLineEach() {
        Instant from = Instant.now();
        String userId = userWithAPurchase();
        String incidentId = declaredIncident(userId);
        List<String> registeredInBulk = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String bulkUser = "bulk-" + UUID.randomUUID();
            commands.sendAndWait(new RegisterUser(bulkUser, new AcquisitionChannel("ads", null, null), null, null,
                                                  null, null, REGISTERED_AT));
            registeredInBulk.add(bulkUser);
        }
        Instant to = Instant.now().plusMillis(1);

        Response response = http.get("/api/v1/audit/events?from=" + from + "&to=" + to);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().getContentType().toString()).startsWith("application/x-ndjson");
        List<JsonNode> lines = response.lines();
        Set<String> aggregates = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            Instant storedAt = Instant.parse(line.path("storedAt").asText());
            assertThat(storedAt).isBetween(from, to);
            if (i > 0) {
                assertThat(line.path("position").asLong()).isGreaterThan(lines.get(i - 1).path("position").asLong());
            }
            aggregates.add(line.path("aggregateType").asText() + ":" + line.path("aggregateId").asText());
        }
        assertThat(aggregates).contains("User:" + userId, "Incident:" + incidentId);
        assertThat(aggregates).as("all 600 registrations, more than one batch of positions")
                              .containsAll(registeredInBulk.stream().map(id -> "User:" + id).toList());
        List<JsonNode> ofUser = lines.stream().filter(line -> line.path("aggregateId").asText().equals(userId))
                                     .toList();
        assertThat(types(ofUser)).startsWith("UserRegistered", "UserActivated", "UserActiveOnDay", "PurchaseMade");
        assertThat(ofUser.get(3).path("payload").path("amount").path("amount").asText()).isEqualTo("12.50");
    }

    @Test
    void aRangeWithoutEventsIsAnEmptyStreamAndAMalformedRange400() {
        Response empty = http.get("/api/v1/audit/events?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z");

        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.lines()).isEmpty();
        assertThat(http.get("/api/v1/audit/events?to=2012-01-01T00:00:00Z").errorFields()).containsExactly("from");
        assertThat(http.get("/api/v1/audit/events?from=2012-01-01T00:00:00Z").errorFields()).containsExactly("to");
        assertThat(http.get("/api/v1/audit/events?from=2012-01-02T00:00:00Z&to=2012-01-01T00:00:00Z")
                       .errorFields()).containsExactly("to");
        assertThat(http.get("/api/v1/audit/events?from=soon&to=2012-01-01T00:00:00Z").errorFields())
                .containsExactly("from");
    }

    private static String state(String userId, String asOf) {
        return "/api/v1/audit/users/" + userId + "/state?asOf=" + asOf;
    }

    /** Registered on 1 March, activated on the 2nd, a purchase of 12.50 on the 3rd. */
    private String userWithAPurchase() {
        String userId = registeredAndActivated();
        purchase(userId);
        return userId;
    }

    private String registeredAndActivated() {
        String userId = "audit-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/users", """
                {"userId": "%s", "occurredAt": "%s", "channel": {"source": "app-store"},
                 "consents": {"sms": true, "push": false, "email": false}}""".formatted(userId, REGISTERED_AT))
                       .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/users/" + userId + "/activation", """
                {"occurredAt": "2012-03-02T09:00:00Z"}""").status()).isEqualTo(200);
        return userId;
    }

    private void purchase(String userId) {
        assertThat(http.post("/api/v1/users/" + userId + "/purchases", """
                {"orderId": "o-1", "amount": {"amount": "12.50", "currency": "CNY"},
                 "occurredAt": "2012-03-03T10:00:00Z"}""").status()).isEqualTo(201);
    }

    private String declaredIncident(String affectedUserId) {
        Response declared = http.post("/api/v1/incidents", """
                {"title": "payment outage", "severity": "LOW", "affectedUserIds": ["%s"]}""".formatted(affectedUserId));
        assertThat(declared.status()).isEqualTo(201);
        return declared.body().path("incidentId").asText();
    }

    static List<String> types(Iterable<JsonNode> events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
