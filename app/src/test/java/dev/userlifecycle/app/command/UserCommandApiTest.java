package dev.userlifecycle.app.command;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
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
class UserCommandApiTest {

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
    void registrationAnswers201WithTheUserIdAndLocation() {
        String userId = newUserId();

        Response response = http.post("/api/v1/users", registration(userId));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().path("userId").asText()).isEqualTo(userId);
        assertThat(response.headers().getLocation()).hasPath("/api/v1/users/" + userId);
        assertThat(eventTypes(userId)).containsExactly("UserRegistered");
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        Response response = http.post("/api/v1/users", "{\"userId\": \"u-1\", ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.body().path("title").asText()).isEqualTo("Malformed request body");
    }

    @Test
    void aMissingRequiredFieldIs400NamingTheField() {
        String userId = newUserId();

        Response response = http.post("/api/v1/users", "{\"userId\": \"" + userId + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("channel");
        assertThat(eventTypes(userId)).isEmpty();
    }

    @Test
    void anInvalidNestedFieldIs400NamingItsPath() {
        Response response = http.post("/api/v1/users", """
                {"userId": "%s", "channel": {"source": ""}, "contact": {"email": "not-an-email"}}
                """.formatted(newUserId()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("channel.source", "contact.email");
    }

    @Test
    void anUnknownFieldOrBadTimeIs400NamingIt() {
        Response unknown = http.post("/api/v1/users", """
                {"userId": "%s", "channel": {"source": "ads"}, "colour": "red"}""".formatted(newUserId()));
        Response badTime = http.post("/api/v1/users", """
                {"userId": "%s", "channel": {"source": "ads"}, "occurredAt": "yesterday"}""".formatted(newUserId()));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("colour");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.errorFields()).containsExactly("occurredAt");
    }

    @Test
    void anInvalidUserIdInThePathIs400() {
        Response response = http.post("/api/v1/users/bad%20id/activation", "{}");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aDuplicateRegistrationIs409AndChangesNothing() {
        String userId = registered();

        Response response = http.post("/api/v1/users", registration(userId));

        assertThat(response.status()).isEqualTo(409);
        assertThat(eventTypes(userId)).containsExactly("UserRegistered");
    }

    @Test
    void anUnknownReferrerIs422NamingTheReferrer() {
        String userId = newUserId();

        Response response = http.post("/api/v1/users", """
                {"userId": "%s", "channel": {"source": "friend"}, "referrerId": "nobody-%s"}
                """.formatted(userId, UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("referrerId");
        assertThat(eventTypes(userId)).isEmpty();
    }

    @Test
    void aUserCannotReferThemself() {
        String userId = newUserId();

        Response response = http.post("/api/v1/users", """
                {"userId": "%s", "channel": {"source": "friend"}, "referrerId": "%s"}
                """.formatted(userId, userId));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("referrerId");
    }

    @Test
    void aReferralIsRecordedOnTheReferrer() {
        String referrer = registered();
        String userId = newUserId();

        Response response = http.post("/api/v1/users", """
                {"userId": "%s", "channel": {"source": "friend"}, "referrerId": "%s"}
                """.formatted(userId, referrer));

        assertThat(response.status()).isEqualTo(201);
        assertThat(eventTypes(referrer)).containsExactly("UserRegistered", "ReferralRecorded");
    }

    @Test
    void activationOfAnUnknownUserIs404() {
        Response response = http.post("/api/v1/users/" + newUserId() + "/activation", "{}");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void activationTwiceIs409() {
        String userId = registered();

        Response first = http.post("/api/v1/users/" + userId + "/activation", null);
        Response second = http.post("/api/v1/users/" + userId + "/activation", "{}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(eventTypes(userId)).containsExactly("UserRegistered", "UserActivated");
    }

    @Test
    void activityIsAcceptedAndRecordedOncePerDay() {
        String userId = registered();

        Response first = http.post("/api/v1/users/" + userId + "/activities",
                                   "{\"kind\": \"LOGIN\", \"occurredAt\": \"2026-03-01T01:00:00Z\"}");
        Response sameDay = http.post("/api/v1/users/" + userId + "/activities",
                                     "{\"kind\": \"VISIT\", \"occurredAt\": \"2026-03-01T09:00:00Z\"}");

        assertThat(first.status()).isEqualTo(202);
        assertThat(sameDay.status()).isEqualTo(202);
        assertThat(eventTypes(userId)).filteredOn("UserActiveOnDay"::equals).hasSize(1);
    }

    @Test
    void anUnknownActivityKindIs400ListingTheKinds() {
        Response response = http.post("/api/v1/users/" + registered() + "/activities", "{\"kind\": \"DANCE\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("kind");
        assertThat(response.body().path("detail").asText()).contains("LOGIN");
    }

    @Test
    void aPurchaseIs201AndARepeatedOrderIdIs200WithNoNewEvent() {
        String userId = registered();
        String purchase = "{\"orderId\": \"o-1\", \"amount\": {\"amount\": \"12.50\", \"currency\": \"CNY\"}}";

        Response first = http.post("/api/v1/users/" + userId + "/purchases", purchase);
        Response repeat = http.post("/api/v1/users/" + userId + "/purchases", purchase);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().path("recorded").asBoolean()).isFalse();
        assertThat(eventTypes(userId)).filteredOn("PurchaseMade"::equals).hasSize(1);
    }

    @Test
    void aPurchaseOfAnUnknownUserIs404() {
        Response response = http.post("/api/v1/users/" + newUserId() + "/purchases",
                                      "{\"orderId\": \"o-1\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"CNY\"}}");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void outOfRangeAmountsAre400NamingTheField() {
        String userId = registered();

        Response zero = http.post("/api/v1/users/" + userId + "/purchases",
                                  "{\"orderId\": \"o-1\", \"amount\": {\"amount\": \"0\", \"currency\": \"CNY\"}}");
        Response fraction = http.post("/api/v1/users/" + userId + "/purchases",
                                      "{\"orderId\": \"o-2\", \"amount\": {\"amount\": \"1.005\", \"currency\": \"CNY\"}}");
        Response currency = http.post("/api/v1/users/" + userId + "/purchases",
                                      "{\"orderId\": \"o-3\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"yuan\"}}");

        assertThat(List.of(zero.status(), fraction.status(), currency.status())).containsOnly(400);
        assertThat(zero.errorFields()).containsExactly("amount");
        assertThat(fraction.errorFields()).containsExactly("amount.amount");
        assertThat(currency.errorFields()).containsExactly("amount.currency");
        assertThat(eventTypes(userId)).containsExactly("UserRegistered");
    }

    @Test
    void aRedemptionBeyondTheBalanceIs422() {
        String userId = registered();

        Response response = http.post("/api/v1/users/" + userId + "/points/redemptions",
                                      "{\"points\": 10, \"reason\": \"coupon\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("points");
    }

    @Test
    void consentsAreReplaced() {
        String userId = registered();

        Response response = http.put("/api/v1/users/" + userId + "/consents",
                                     "{\"sms\": true, \"push\": false, \"email\": true}");
        Response unknown = http.put("/api/v1/users/" + newUserId() + "/consents",
                                    "{\"sms\": true, \"push\": false, \"email\": true}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(eventTypes(userId)).containsExactly("UserRegistered", "ConsentsChanged");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aRepeatedIdempotencyKeyRepeatsTheFirstAnswerWithOneEffect() {
        String userId = registered();
        String key = UUID.randomUUID().toString();
        String body = "{\"points\": 1, \"reason\": \"coupon\"}";
        String purchase = "{\"orderId\": \"o-9\", \"amount\": {\"amount\": \"5.00\", \"currency\": \"CNY\"}}";

        Response first = http.post("/api/v1/users/" + userId + "/purchases", purchase, key);
        Response again = http.post("/api/v1/users/" + userId + "/purchases", purchase, key);
        Response otherBody = http.post("/api/v1/users/" + userId + "/purchases", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(eventTypes(userId)).filteredOn("PurchaseMade"::equals).hasSize(1);
    }

    @Test
    void anIdempotencyKeyIsTheCallersSoAnotherClientUsingTheSameKeyGetsItsOwnAnswer() {
        String key = UUID.randomUUID().toString();
        String mine = newUserId();
        String theirs = newUserId();
        Http otherClient = http.withKey(TestApiKeys.only("frontend"));

        Response first = http.post("/api/v1/users", registration(mine), key);
        Response other = otherClient.post("/api/v1/users", registration(theirs), key);
        Response again = http.post("/api/v1/users", registration(mine), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).as("no 409 for another body: the key is not the other client's").isEqualTo(201);
        assertThat(other.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(other.body().path("userId").asText()).isEqualTo(theirs);
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventTypes(theirs)).containsExactly("UserRegistered");
    }

    @Test
    void aRequestRejectedAsInvalidCanBeCorrectedUnderTheSameKey() {
        String userId = newUserId();
        String key = UUID.randomUUID().toString();

        Response invalid = http.post("/api/v1/users", "{\"userId\": \"" + userId + "\"}", key);
        Response valid = http.post("/api/v1/users", registration(userId), key);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(valid.status()).isEqualTo(201);
        assertThat(eventTypes(userId)).containsExactly("UserRegistered");
    }

    private String registered() {
        String userId = newUserId();
        assertThat(http.post("/api/v1/users", registration(userId)).status()).isEqualTo(201);
        return userId;
    }

    static String newUserId() {
        return "u-" + UUID.randomUUID();
    }

    static String registration(String userId) {
        return """
                {"userId": "%s", "occurredAt": "2026-03-01T00:00:00Z",
                 "channel": {"source": "app-store", "medium": "cpc", "campaign": "spring"},
                 "region": "CN-31", "contact": {"name": "Li Lei", "email": "li@example.com", "phone": "+86 138 0000 0000"},
                 "consents": {"sms": true, "push": true, "email": false}}""".formatted(userId);
    }

    private List<String> eventTypes(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream()
                         .map(DomainEventMessage::getPayloadType)
                         .map(Class::getSimpleName)
                         .toList();
    }
}
