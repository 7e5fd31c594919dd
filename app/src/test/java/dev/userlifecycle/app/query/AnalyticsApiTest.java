package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention, lifecycle and KPIs over HTTP, after three users' histories went in through the command API. The
 * histories are in January 2031, after anything other tests of the shared application record.
 * <pre>
 * Ann  registers Mon 01-06, active 01-07, buys 10.00 on 01-14
 * Bob  registers Tue 01-07 referred by Ann, buys 20.00 on 01-07 and 30.00 on 01-08
 * Cleo registers Mon 01-13
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest {

    @Autowired
    TestRestTemplate rest;

    Http http;

    @BeforeAll
    void threeUsersOfJanuary2031() {
        http = new Http(rest);
        String ann = "ann-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String cleo = "cleo-" + UUID.randomUUID();
        created(http.post("/api/v1/users", registration(ann, "2031-01-06", null)));
        accepted(http.post("/api/v1/users/" + ann + "/activities",
                           "{\"kind\": \"LOGIN\", \"occurredAt\": \"2031-01-07T02:00:00Z\"}"));
        created(http.post("/api/v1/users", registration(bob, "2031-01-07", ann)));
        created(http.post("/api/v1/users/" + bob + "/purchases", purchase("b-1", "20.00", "2031-01-07")));
        created(http.post("/api/v1/users/" + bob + "/purchases", purchase("b-2", "30.00", "2031-01-08")));
        created(http.post("/api/v1/users", registration(cleo, "2031-01-13", null)));
        created(http.post("/api/v1/users/" + ann + "/purchases", purchase("a-1", "10.00", "2031-01-14")));
        http.awaitGet("/api/v1/kpis?from=2031-01-06&to=2031-01-14", body -> body.path("registeredUsers").asInt() == 3
                && body.path("averageOrderValue").path("amount").asText().equals("20.00"));
    }

    @Test
    void weeklyCohortsCountTheUsersRetainedInEachWeek() {
        JsonNode table = http.get("/api/v1/retention?cohort=week&period=week&from=2031-01-06&to=2031-01-13").body();

        assertThat(table.path("asOf").asText()).isEqualTo("2031-01-14");
        assertThat(table.path("rows")).hasSize(2);
        JsonNode first = table.path("rows").get(0);
        assertThat(first.path("cohortStart").asText()).isEqualTo("2031-01-06");
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("retained").toString()).isEqualTo("[2,1]");
        assertThat(first.path("rates").get(1).decimalValue()).isEqualByComparingTo("0.5");
        JsonNode second = table.path("rows").get(1);
        assertThat(second.path("size").asInt()).isEqualTo(1);
        assertThat(second.path("retained").toString()).isEqualTo("[1]");
    }

    @Test
    void firstPurchaseCohortsHoldOnlyBuyers() {
        JsonNode table = http.get("/api/v1/retention?basis=first-purchase&cohort=day&period=day"
                                  + "&from=2031-01-06&to=2031-01-14").body();

        assertThat(table.path("rows")).hasSize(9);
        assertThat(table.path("rows").get(1).path("size").asInt()).as("Bob, 01-07").isEqualTo(1);
        assertThat(table.path("rows").get(1).path("retained").toString()).isEqualTo("[1,1,0,0,0,0,0,0]");
        assertThat(table.path("rows").get(8).path("size").asInt()).as("Ann, 01-14").isEqualTo(1);
    }

    @Test
    void lifecycleSplitsEachWeekIntoNewReturningResurrectingAndDormant() {
        JsonNode weeks = http.get("/api/v1/lifecycle?interval=week&from=2031-01-06&to=2031-01-13").body()
                             .path("intervals");

        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).toString()).contains("\"new\":2", "\"returning\":0", "\"dormant\":0");
        assertThat(weeks.get(1).path("new").asInt()).as("Cleo").isEqualTo(1);
        assertThat(weeks.get(1).path("returning").asInt()).as("Ann").isEqualTo(1);
        assertThat(weeks.get(1).path("dormant").asInt()).as("Bob").isEqualTo(1);
    }

    @Test
    void kpisOfTheWindow() {
        JsonNode kpis = http.get("/api/v1/kpis?from=2031-01-06&to=2031-01-14").body();

        assertThat(kpis.path("activeUsers").asInt()).isEqualTo(3);
        assertThat(kpis.path("activationRate").decimalValue()).as("Ann and Bob by buying").isEqualByComparingTo("0.6667");
        assertThat(kpis.path("nextDayRetention").decimalValue()).as("Ann and Bob").isEqualByComparingTo("0.6667");
        assertThat(kpis.path("averageOrderValue").path("currency").asText()).isEqualTo("CNY");
        assertThat(kpis.path("repeatPurchaseRate").decimalValue()).as("Bob of two buyers").isEqualByComparingTo("0.5");
        assertThat(kpis.path("viralCoefficient").decimalValue()).as("Ann brought Bob").isEqualByComparingTo("0.3333");
    }

    @Test
    void anUnknownGranularityIsABadRequestNamingTheParameter() {
        Response response = http.get("/api/v1/retention?cohort=year");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("cohort");
        assertThat(response.body().path("detail").asText()).contains("day, week, month");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsABadRequest() {
        Response response = http.get("/api/v1/kpis?from=2031-02-01&to=2031-01-01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("from");
    }

    @Test
    void aMalformedDateIsABadRequest() {
        Response response = http.get("/api/v1/lifecycle?from=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("from");
    }

    private static void created(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    private static void accepted(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
    }

    private static String registration(String userId, String day, String referrerId) {
        return """
                {"userId": "%s", "occurredAt": "%sT02:00:00Z", %s
                 "channel": {"source": "app-store", "medium": "cpc", "campaign": "spring"}}"""
                .formatted(userId, day, referrerId == null ? "" : "\"referrerId\": \"" + referrerId + "\",");
    }

    private static String purchase(String orderId, String amount, String day) {
        return """
                {"orderId": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "occurredAt": "%sT03:00:00Z"}"""
                .formatted(orderId, amount, day);
    }
}
