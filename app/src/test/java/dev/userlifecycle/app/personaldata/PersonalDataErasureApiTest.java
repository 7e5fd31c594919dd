package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.events.Contact;
import dev.userlifecycle.events.UserPersonalDataErased;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.eventstore.testing.MutableClock;
import dev.userlifecycle.sagas.wakeup.WakeUpSaga;
import dev.userlifecycle.sagas.wakeup.WakeUpSettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure in the running service: users registered with contact details purchase, go dormant, are contacted by the
 * wake-up saga and apologised to after an incident; then one user's personal data is erased over HTTP, and every
 * collection of the database is searched for that user's name, e-mail and phone. The other user's contact still reads
 * through the event serializer, and the erased user's history, profile and the analytics are what they were.
 * Snapshots are taken every 3 events, so the users' snapshots are searched too. The clock is moved, never waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=erasure_${random.uuid}", "lifecycle.command.snapshot-threshold=3"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PersonalDataErasureApiTest {

    /** 10:00 in Shanghai, outside the quiet hours. */
    private static final Instant START = Instant.parse("2030-03-04T02:00:00Z");
    private static final String CAMPAIGN = WakeUpSaga.campaignIdOf(START.plus(Duration.ofDays(30)));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Contact ERASED = new Contact("王小明 Wang Xiaoming", "wang.xiaoming@example.cn",
                                                      "+86 138 0013 8000");
    private static final Contact KEPT = new Contact("Li Wei", "li.wei@example.com", "+86 10 1234 5678");
    private static final List<String> ANALYTICS = List.of(
            "/api/v1/kpis?from=2030-03-01&to=2030-04-30",
            "/api/v1/retention?cohort=week&period=week&from=2030-03-01&to=2030-04-30",
            "/api/v1/lifecycle?interval=week&from=2030-03-01&to=2030-04-30",
            "/api/v1/campaigns/wake-up");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoDatabase database;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    WakeUpSettings wakeUp;

    Http http;
    ProjectionCatchUp projections;

    @BeforeEach
    void client() {
        http = new Http(rest);
        projections = new ProjectionCatchUp(processing, eventStore);
    }

    @Test
    void afterErasureNoCollectionHoldsTheContactReadablyAndTheHistoryAndAnalyticsStayWhole() throws Exception {
        assertThat(eventSerializer).isInstanceOf(PersonalDataSerializer.class);
        String erased = userOutsideHoldout("erased-");
        String kept = userOutsideHoldout("kept-");
        for (String userId : List.of(erased, kept)) {
            register(userId, userId.equals(erased) ? ERASED : KEPT);
            purchase(userId, "o-1");
            purchase(userId, "o-2");
        }
        clock.advance(Duration.ofDays(31));
        assertThat(http.post("/api/v1/admin/dormancy/sweeps", "{}").body().path("marked").asInt()).isEqualTo(2);
        String incidentId = "incident-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/incidents", """
                {"incidentId": "%s", "title": "checkout down", "severity": "HIGH",
                 "affectedUserIds": ["%s", "%s"]}""".formatted(incidentId, erased, kept)).status()).isEqualTo(201);
        for (String userId : List.of(erased, kept)) {
            http.awaitGet("/api/v1/outreach/messages?userId=" + userId, body -> body.size() == 2);
            http.awaitGet("/api/v1/users/" + userId + "/points", body -> body.path("balance").asLong() == 310);
        }
        projections.await(TIMEOUT);
        assertThat(contactOf(erased)).as("readable through the serializer while the key exists").isEqualTo(ERASED);
        assertThat(DatabaseSearch.find(database, List.of(erased, "checkout down")))
                .as("the search reaches events, snapshots, sagas, outreach and read models")
                .anyMatch(where -> where.startsWith("events/"))
                .anyMatch(where -> where.startsWith("event_streams/" + erased + ".snapshot"))
                .anyMatch(where -> where.startsWith("sagas/") && where.contains("binary"))
                .anyMatch(where -> where.startsWith("outreach_messages/"))
                .anyMatch(where -> where.startsWith("user_profiles/"))
                .anyMatch(where -> where.startsWith("idempotency_keys/"));
        assertThat(database.getCollection("jobrunr_jobs").countDocuments()).as("saga deadlines to search").isPositive();
        Map<Long, String> storedBefore = storedEvents(erased);
        JsonNode profileBefore = profileWithoutPosition(erased);
        Map<String, JsonNode> analyticsBefore = settledAnalytics();

        Http.Response erasure = erase(erased);

        assertThat(erasure.status()).isEqualTo(200);
        assertThat(erasure.body().path("userId").asText()).isEqualTo(erased);
        assertThat(erasure.body().path("erasedAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(erasure.body().path("requestedBy").asText()).isNotBlank();
        projections.await(TIMEOUT);

        assertThat(DatabaseSearch.find(database, readableForms(ERASED))).as("the erased contact, anywhere").isEmpty();
        assertThat(contactOf(erased)).isNull();
        assertThat(contactOf(kept)).as("the other user's contact").isEqualTo(KEPT);
        assertThat(database.getCollection(PersonalDataKeys.COLLECTION).find(Filters.eq("_id", erased)).first())
                .doesNotContainKey("key");
        assertThat(keptAnswer("POST /api/v1/users register-" + erased)).as("its body carried the contact").isNull();
        assertThat(keptAnswer("POST /api/v1/users register-" + kept)).isNotNull();
        assertThat(keptAnswer("POST /api/v1/users/" + erased + "/purchases purchase-" + erased + "-o-1"))
                .as("a retried purchase still takes effect once").isNotNull();

        Map<Long, String> storedAfter = storedEvents(erased);
        assertThat(storedAfter).as("every stored event kept, byte for byte, and the erasure added")
                               .hasSize(storedBefore.size() + 1).containsAllEntriesOf(storedBefore);
        assertThat(eventStore.readEvents(erased, 0).asStream().map(EventMessage::getPayload).toList())
                .last().isEqualTo(new UserPersonalDataErased(erased, erasure.body().path("requestedBy").asText(),
                                                             clock.instant()));
        assertThat(profileWithoutPosition(erased)).isEqualTo(profileBefore);
        assertThat(settledAnalytics()).isEqualTo(analyticsBefore);
    }

    @Test
    void erasingAgainAnswersTheSameAndTheUserGoesOnWithoutTheirContactComingBack() throws Exception {
        String userId = "again-" + UUID.randomUUID();
        register(userId, ERASED);
        Http.Response first = erase(userId);
        clock.advance(Duration.ofMinutes(5));
        Contact another = new Contact("Zhao Lei", "zhao.lei@example.org", "+86 139 1111 2222");
        assertThat(http.post("/api/v1/users", registration(userId, another), "again-" + userId).status())
                .as("registered already").isEqualTo(409);

        Http.Response second = erase(userId);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(eventStore.readEvents(userId, 0).asStream().map(EventMessage::getPayload))
                .filteredOn(UserPersonalDataErased.class::isInstance).hasSize(1);
        assertThat(keptAnswer("POST /api/v1/users again-" + userId)).as("the refused registration's").isNull();
        purchase(userId, "o-after");
        http.awaitGet("/api/v1/users/" + userId, body -> body.path("purchaseCount").asInt() == 1);
        projections.await(TIMEOUT);
        List<String> readable = new ArrayList<>(readableForms(ERASED));
        readable.addAll(readableForms(another));
        assertThat(DatabaseSearch.find(database, readable)).isEmpty();
        assertThat(database.getCollection(PersonalDataKeys.COLLECTION).find(Filters.eq("_id", userId)).first())
                .as("no new key for the erased user").doesNotContainKey("key");
    }

    @Test
    void anUnknownUserIsANotFoundProblem() {
        Http.Response response = erase("nobody-" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(response.errorFields()).containsExactly("userId");
    }

    @Test
    void anInvalidUserIdIsABadRequestProblem() {
        Http.Response response = erase("not valid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
    }

    private Http.Response erase(String userId) {
        return http.send(HttpMethod.DELETE, "/api/v1/admin/users/" + userId + "/personal-data", null,
                         new HttpHeaders());
    }

    private void register(String userId, Contact contact) {
        assertThat(http.post("/api/v1/users", registration(userId, contact), "register-" + userId).status())
                .isEqualTo(201);
    }

    private static String registration(String userId, Contact contact) {
        return """
                {"userId": "%s", "channel": {"source": "app-store"}, "region": "cn-east",
                 "contact": {"name": "%s", "email": "%s", "phone": "%s"},
                 "consents": {"sms": true, "push": true, "email": true}}"""
                .formatted(userId, contact.name(), contact.email(), contact.phone());
    }

    private void purchase(String userId, String orderId) {
        assertThat(http.post("/api/v1/users/" + userId + "/purchases", """
                {"orderId": "%s", "amount": {"amount": "55.00", "currency": "CNY"}}""".formatted(orderId),
                             "purchase-" + userId + "-" + orderId).status()).isEqualTo(201);
    }

    /** A user id the wake-up campaign contacts (not in its holdout group), so the saga sends outreach. */
    private String userOutsideHoldout(String prefix) {
        String userId;
        do {
            userId = prefix + UUID.randomUUID();
        } while (wakeUp.inHoldout(userId, CAMPAIGN));
        return userId;
    }

    private Contact contactOf(String userId) {
        return eventStore.readEvents(userId, 0).asStream().map(EventMessage::getPayload)
                         .filter(UserRegistered.class::isInstance).map(UserRegistered.class::cast)
                         .findFirst().orElseThrow().contact();
    }

    /** The answer kept for {@code request} (method, path and Idempotency-Key) of the tests' client. */
    private Document keptAnswer(String request) {
        String id = TestApiKeys.OWNER + " " + request;
        return database.getCollection("idempotency_keys").find(Filters.eq("_id", id)).first();
    }

    /** The stored payload of each of the user's events, by global position. */
    private Map<Long, String> storedEvents(String userId) {
        Map<Long, String> stored = new LinkedHashMap<>();
        database.getCollection("events").find(Filters.eq("aggregateIdentifier", userId))
                .sort(Sorts.ascending("_id"))
                .forEach(document -> stored.put(((Number) document.get("_id")).longValue(),
                                                document.getString("payloadType") + " "
                                                        + document.getString("payload")));
        return stored;
    }

    private JsonNode profileWithoutPosition(String userId) {
        ObjectNode profile = (ObjectNode) http.get("/api/v1/users/" + userId).body();
        profile.remove("position");
        return profile;
    }

    /** The analytics once two reads a flush interval apart agree: the counters are written about once a second. */
    private Map<String, JsonNode> settledAnalytics() throws InterruptedException {
        Map<String, JsonNode> previous = null;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, JsonNode> current = new LinkedHashMap<>();
            for (String path : ANALYTICS) {
                Http.Response response = http.get(path);
                assertThat(response.status()).as(path).isEqualTo(200);
                current.put(path, response.body());
            }
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
            Thread.sleep(1500);
        }
        throw new AssertionError("the analytics did not settle within " + TIMEOUT);
    }

    /** The contact as written, and the phone without its spaces. */
    private static List<String> readableForms(Contact contact) {
        return List.of(contact.name(), contact.name().substring(contact.name().indexOf(' ') + 1), contact.email(),
                       contact.phone(), contact.phone().replace(" ", ""));
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }
}
