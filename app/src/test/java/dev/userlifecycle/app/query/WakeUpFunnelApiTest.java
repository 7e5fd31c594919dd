package dev.userlifecycle.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.Http.Response;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.WakeUpOutcome;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wake-up funnel over HTTP after wake-up campaigns went through the real commands. The funnel counts every entry
 * of the database, so the app gets a database of its own, and runs without the sagas role: no saga enters or
 * contacts anyone but this test. Entries of March 2025 (platform time zone Asia/Shanghai):
 * <pre>
 * treatment  t1 entered 03-10, contacted by call, sms skipped (no consent), reactivated; also apologised to by call
 *               for an incident, which is no wake-up step
 *            t2 entered 03-10, contacted by call, expired
 *            t3 entered 03-12, sms skipped (no consent), still open
 *            t4 entered 03-20, contacted by call, reactivated
 * holdout    h1 entered 03-10, call skipped (holdout), reactivated
 *            h2 entered 03-11, expired
 *            h3 entered 03-12, expired
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=wakeup_${random.uuid}", "lifecycle.roles=command,query"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WakeUpFunnelApiTest {

    private static final String FUNNEL = "/api/v1/campaigns/wake-up";
    private static final Instant REGISTERED = Instant.parse("2025-01-02T02:00:00Z");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CommandGateway commands;

    Http http;

    @BeforeAll
    void sevenEntriesOfMarch2025() {
        http = new Http(rest);
        String t1 = enter("t1", "2025-03-10", false);
        contact(t1, "call", Channel.CALL, "2025-03-10");
        contact(t1, "sms", Channel.SMS, "2025-03-11");
        end(t1, WakeUpOutcome.REACTIVATED, "2025-03-15");
        apologiseByCallForAnIncident(t1);
        String t2 = enter("t2", "2025-03-10", false);
        contact(t2, "call", Channel.CALL, "2025-03-10");
        end(t2, WakeUpOutcome.EXPIRED, "2025-04-10");
        String t3 = enter("t3", "2025-03-12", false);
        contact(t3, "sms", Channel.SMS, "2025-03-12");
        String t4 = enter("t4", "2025-03-20", false);
        contact(t4, "call", Channel.CALL, "2025-03-20");
        end(t4, WakeUpOutcome.REACTIVATED, "2025-03-21");
        String h1 = enter("h1", "2025-03-10", true);
        contact(h1, "call", Channel.CALL, "2025-03-10");
        end(h1, WakeUpOutcome.REACTIVATED, "2025-03-18");
        end(enter("h2", "2025-03-11", true), WakeUpOutcome.EXPIRED, "2025-04-11");
        end(enter("h3", "2025-03-12", true), WakeUpOutcome.EXPIRED, "2025-04-12");
        http.awaitGet(FUNNEL, funnel -> funnel.path("entered").asInt() == 7
                && funnel.path("treatment").path("reactivated").asInt() == 2
                && funnel.path("treatment").path("contacted").path("call").asInt() == 3
                && funnel.path("treatment").path("skipped").path("sms").path("NO_CONSENT").asInt() == 2
                && funnel.path("holdout").path("expired").asInt() == 2
                && funnel.path("holdout").path("reactivated").asInt() == 1);
    }

    @Test
    void theFunnelOfTheEntryDaysCountsEachGroupAndComparesTheirReactivationRates() {
        JsonNode funnel = http.get(FUNNEL + "?from=2025-03-10&to=2025-03-12").body();

        assertThat(funnel.path("from").asText()).isEqualTo("2025-03-10");
        assertThat(funnel.path("entered").asInt()).isEqualTo(6);
        JsonNode treatment = funnel.path("treatment");
        assertThat(treatment.path("entered").asInt()).isEqualTo(3);
        assertThat(treatment.path("contacted").toString()).as("the apology is no wake-up step")
                                                          .isEqualTo("{\"call\":2}");
        assertThat(treatment.path("skipped").toString()).isEqualTo("{\"sms\":{\"NO_CONSENT\":2}}");
        assertThat(treatment.path("reactivated").asInt()).isEqualTo(1);
        assertThat(treatment.path("expired").asInt()).isEqualTo(1);
        assertThat(treatment.path("open").asInt()).isEqualTo(1);
        assertThat(treatment.path("reactivationRate").decimalValue()).as("1 of 2 ended").isEqualByComparingTo("0.5");
        JsonNode holdout = funnel.path("holdout");
        assertThat(holdout.path("entered").asInt()).isEqualTo(3);
        assertThat(holdout.path("reactivated").asInt()).isEqualTo(1);
        assertThat(holdout.path("expired").asInt()).isEqualTo(2);
        assertThat(holdout.path("open").asInt()).isZero();
        assertThat(holdout.path("reactivationRate").decimalValue()).as("1 of 3").isEqualByComparingTo("0.3333");
        assertThat(funnel.path("lift").path("absolute").decimalValue()).isEqualByComparingTo("0.1667");
        assertThat(funnel.path("lift").path("relative").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void theWindowFiltersOnTheDayOfEntering() {
        JsonNode lastDay = http.get(FUNNEL + "?from=2025-03-12").body();
        JsonNode firstDay = http.get(FUNNEL + "?to=2025-03-10").body();

        assertThat(lastDay.path("entered").asInt()).as("t3, h3, t4").isEqualTo(3);
        assertThat(lastDay.path("to").isNull()).isTrue();
        assertThat(lastDay.path("treatment").path("reactivationRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(lastDay.path("holdout").path("reactivationRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(lastDay.path("lift").path("absolute").decimalValue()).isEqualByComparingTo("1");
        assertThat(lastDay.path("lift").path("relative").isNull()).as("the holdout reactivated nobody").isTrue();
        assertThat(firstDay.path("entered").asInt()).as("t1, t2, h1").isEqualTo(3);
        assertThat(http.get(FUNNEL + "?from=2026-01-01").body().path("entered").asInt()).isZero();
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrAMalformedDayIsABadRequestNamingTheParameter() {
        Response backwards = http.get(FUNNEL + "?from=2025-03-12&to=2025-03-10");
        Response malformed = http.get(FUNNEL + "?to=March");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(backwards.errorFields()).containsExactly("from");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("to");
    }

    @Test
    void theOpenApiDocumentPublishesTheFunnelAndTheIncidentViews() {
        String apiDocs = http.get("/v3/api-docs").body().toString();

        assertThat(apiDocs).contains("/api/v1/campaigns/wake-up", "/api/v1/incidents/{incidentId}",
                                     "reactivationRate", "windowEndsAt");
    }

    private String enter(String name, String day, boolean holdout) {
        Instant at = at(day);
        String userId = new UserHistories(http, commands).dormantUser(name, REGISTERED, at.minusSeconds(3_600));
        commands.sendAndWait(new EnterWakeUpCampaign(userId, "wake-" + userId, holdout, at));
        return userId;
    }

    private void contact(String userId, String step, Channel channel, String day) {
        commands.sendAndWait(ContactUser.on(userId, "wake-" + userId, step, channel, null, at(day)));
    }

    private void end(String userId, WakeUpOutcome outcome, String day) {
        commands.sendAndWait(new EndWakeUpCampaign(userId, "wake-" + userId, outcome, at(day)));
    }

    private void apologiseByCallForAnIncident(String userId) {
        Response declared = http.post("/api/v1/incidents", """
                {"title": "Lost orders", "severity": "LOW", "occurredAt": "2025-03-16T02:00:00Z",
                 "affectedUserIds": ["%s"]}""".formatted(userId));
        assertThat(declared.status()).isEqualTo(201);
        String incidentId = declared.body().path("incidentId").asText();
        commands.sendAndWait(ContactUser.on(userId, incidentId, "apology", Channel.CALL, null, at("2025-03-16")));
    }

    /** 10:00 in Shanghai. */
    private static Instant at(String day) {
        return Instant.parse(day + "T02:00:00Z");
    }
}
