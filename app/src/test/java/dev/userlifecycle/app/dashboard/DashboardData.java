package dev.userlifecycle.app.dashboard;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EarnPurchasePoints;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.GrantCompensation;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.RecordMilestoneMissed;
import dev.userlifecycle.events.WakeUpOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known history the dashboard's browser tests look at, March 2025 in the platform's time zone (Asia/Shanghai),
 * every event at noon there unless said otherwise. Registrations and activity go through the HTTP API; what sagas
 * and sweeps would send (dormancy, wake-up campaigns, purchase points, an incident's progress) through the command
 * gateway, as they would.
 * <pre>
 * cohort Mon 03-03  a1 login 03-04, buys 30.00 on 03-05 and 50.00 on 03-12, refers d1 and d2; 200 compensation
 *                      points for the checkout incident, redeems 20 points on 03-22
 *                   a2 login 03-04, buys 20.00 on 03-06, login 03-25
 *                   a3 login 03-04, buys 45.50 on 03-13 and 24.50 on 03-20
 *                   a4, a5 activated on the day; a6 only registers
 * cohort Mon 03-10  b1 login 03-11, buys 60.00 on 03-12, 40.00 on 03-19, 20.00 on 03-26, refers d3
 *                   b2 login 03-11, buys 15.00 on 03-13; b3, b4, b5 activated on the day; b6 only registers
 * cohort Mon 03-17  c1 login 03-18, buys 35.00 on 03-19; c2, c3 activated on the day; c4 only registers
 * cohort Mon 03-24  d1 (referred by a1) login 03-25, buys 34.00 on 03-26; d2 (by a1) activated, login 03-25;
 *                   d3 (by b1) and d4 only register
 * registered 02-03  o1 login 03-04; o2 to o6 dormant on 03-05 and entered into wake-up campaigns that day:
 *                   treatment o2 (called, back 03-08), o3 (sms skipped: no consent, called, expired 03-12),
 *                   o6 (called, back 03-10); holdout o4 (expired 03-12), o5 (back 03-09)
 * incidents         "Double charges at checkout" (HIGH, 03-20 10:00) for a1, b1, c1: all apologised to at 10:40,
 *                   a1 compensated at 13:00, the compensation deadline missed; "Slow search results" (LOW,
 *                   03-28 10:00) for d1, nothing done
 * layering runs     as of 03-16 23:00 (18 users) and 03-30 23:00 (26 users), k = 4
 * </pre>
 * So for 2025-03-03 to 2025-03-30: 24 active users, 20 registered, activation 15/20 = 75.0%, next-day retention
 * 8/20 = 40.0%, 11 purchases of 374.00 CNY in all (34.00 each), 3 of 7 buyers bought twice or more (42.9%), 3
 * users referred by 20 new ones (0.15); the wake-up funnel: 5 entered, treatment 2 of 3 back (66.7%), holdout 1 of 2
 * (50.0%), a lift of 16.7 points (33.3%).
 */
final class DashboardData {

    static final String CHECKOUT_INCIDENT = "inc-checkout";
    static final String SEARCH_INCIDENT = "inc-search";
    static final String LOOKED_UP_USER = "a1";

    private final Http http;
    private final CommandGateway commands;

    DashboardData(Http http, CommandGateway commands) {
        this.http = http;
        this.commands = commands;
    }

    void load() {
        oldUsersAndTheirWakeUpCampaigns();
        cohortOfMarch3();
        cohortOfMarch10();
        cohortOfMarch17();
        cohortOfMarch24();
        incidents();
        a1RedeemsPoints();
    }

    /** Both runs, once every projection has the history above. */
    void layeringRuns() {
        layeringRun("2025-03-16T15:00:00Z");
        layeringRun("2025-03-30T15:00:00Z");
    }

    private void oldUsersAndTheirWakeUpCampaigns() {
        for (String user : List.of("o1", "o2", "o3", "o4", "o5", "o6")) {
            register(user, "2025-02-03", null);
            activate(user, "2025-02-03");
        }
        login("o1", "2025-03-04");
        for (String user : List.of("o2", "o3", "o4", "o5", "o6")) {
            commands.sendAndWait(new MarkUserDormant(user, at("2025-03-05"), Duration.ofDays(30)));
            commands.sendAndWait(new EnterWakeUpCampaign(user, campaign(user), user.equals("o4")
                                                                                || user.equals("o5"),
                                                         at("2025-03-05")));
        }
        call("o2");
        login("o2", "2025-03-08");
        end("o2", WakeUpOutcome.REACTIVATED, "2025-03-08");
        commands.sendAndWait(ContactUser.on("o3", campaign("o3"), "sms", Channel.SMS, null, at("2025-03-05")));
        call("o3");
        end("o3", WakeUpOutcome.EXPIRED, "2025-03-12");
        end("o4", WakeUpOutcome.EXPIRED, "2025-03-12");
        login("o5", "2025-03-09");
        end("o5", WakeUpOutcome.REACTIVATED, "2025-03-09");
        call("o6");
        login("o6", "2025-03-10");
        end("o6", WakeUpOutcome.REACTIVATED, "2025-03-10");
    }

    private void cohortOfMarch3() {
        for (String user : List.of("a1", "a2", "a3", "a4", "a5", "a6")) {
            register(user, "2025-03-03", null);
        }
        login("a1", "2025-03-04");
        buy("a1", "a1-1", "30.00", "2025-03-05");
        buy("a1", "a1-2", "50.00", "2025-03-12");
        login("a2", "2025-03-04");
        buy("a2", "a2-1", "20.00", "2025-03-06");
        login("a2", "2025-03-25");
        login("a3", "2025-03-04");
        buy("a3", "a3-1", "45.50", "2025-03-13");
        buy("a3", "a3-2", "24.50", "2025-03-20");
        activate("a4", "2025-03-03");
        activate("a5", "2025-03-03");
    }

    private void cohortOfMarch10() {
        for (String user : List.of("b1", "b2", "b3", "b4", "b5", "b6")) {
            register(user, "2025-03-10", null);
        }
        login("b1", "2025-03-11");
        buy("b1", "b1-1", "60.00", "2025-03-12");
        buy("b1", "b1-2", "40.00", "2025-03-19");
        buy("b1", "b1-3", "20.00", "2025-03-26");
        login("b2", "2025-03-11");
        buy("b2", "b2-1", "15.00", "2025-03-13");
        activate("b3", "2025-03-10");
        activate("b4", "2025-03-10");
        activate("b5", "2025-03-10");
    }

    private void cohortOfMarch17() {
        for (String user : List.of("c1", "c2", "c3", "c4")) {
            register(user, "2025-03-17", null);
        }
        login("c1", "2025-03-18");
        buy("c1", "c1-1", "35.00", "2025-03-19");
        activate("c2", "2025-03-17");
        activate("c3", "2025-03-17");
    }

    private void cohortOfMarch24() {
        register("d1", "2025-03-24", "a1");
        register("d2", "2025-03-24", "a1");
        register("d3", "2025-03-24", "b1");
        register("d4", "2025-03-24", null);
        login("d1", "2025-03-25");
        buy("d1", "d1-1", "34.00", "2025-03-26");
        activate("d2", "2025-03-24");
        login("d2", "2025-03-25");
    }

    private void incidents() {
        Instant declared = Instant.parse("2025-03-20T02:00:00Z");
        declare(CHECKOUT_INCIDENT, "Double charges at checkout", "HIGH", declared, List.of("a1", "b1", "c1"));
        for (String user : List.of("a1", "b1", "c1")) {
            commands.sendAndWait(new RecordApologySent(CHECKOUT_INCIDENT, user, declared.plusSeconds(40 * 60)));
        }
        commands.sendAndWait(new GrantCompensation("a1", CHECKOUT_INCIDENT, 200, declared.plusSeconds(3 * 3600)));
        commands.sendAndWait(new RecordIncidentCompensation(CHECKOUT_INCIDENT, "a1", 200,
                                                            declared.plusSeconds(3 * 3600)));
        commands.sendAndWait(new RecordMilestoneMissed(CHECKOUT_INCIDENT, IncidentMilestone.COMPENSATION,
                                                       declared.plus(Duration.ofHours(24))));
        declare(SEARCH_INCIDENT, "Slow search results", "LOW", Instant.parse("2025-03-28T02:00:00Z"), List.of("d1"));
    }

    private void a1RedeemsPoints() {
        Http.Response redeemed = http.post("/api/v1/users/a1/points/redemptions", """
                {"points": 20, "reason": "coupon", "occurredAt": "%s"}""".formatted(at("2025-03-22")));
        assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(201);
    }

    private void register(String user, String day, String referrer) {
        String referral = referrer == null ? "" : ", \"referrerId\": \"" + referrer + "\"";
        Http.Response registered = http.post("/api/v1/users", """
                {"userId": "%s", "occurredAt": "%s", "channel": {"source": "app-store", "medium": "cpc"}%s}"""
                .formatted(user, at(day), referral));
        assertThat(registered.status()).as(user + ": " + registered.body()).isEqualTo(201);
    }

    private void activate(String user, String day) {
        Http.Response activated = http.post("/api/v1/users/" + user + "/activation",
                                            "{\"occurredAt\": \"" + at(day) + "\"}");
        assertThat(activated.status()).as(user + ": " + activated.body()).isBetween(200, 204);
    }

    private void login(String user, String day) {
        Http.Response recorded = http.post("/api/v1/users/" + user + "/activities",
                                           "{\"kind\": \"LOGIN\", \"occurredAt\": \"" + at(day) + "\"}");
        assertThat(recorded.status()).as(user + ": " + recorded.body()).isEqualTo(202);
    }

    /** A purchase and the points the loyalty policy would credit for it. */
    private void buy(String user, String orderId, String amount, String day) {
        Http.Response bought = http.post("/api/v1/users/" + user + "/purchases", """
                {"orderId": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "occurredAt": "%s"}"""
                .formatted(orderId, amount, at(day)));
        assertThat(bought.status()).as(user + ": " + bought.body()).isEqualTo(201);
        commands.sendAndWait(new EarnPurchasePoints(user, orderId, Money.of(amount, "CNY"), at(day)));
    }

    private void call(String user) {
        commands.sendAndWait(ContactUser.on(user, campaign(user), "call", Channel.CALL, null, at("2025-03-05")));
    }

    private void end(String user, WakeUpOutcome outcome, String day) {
        commands.sendAndWait(new EndWakeUpCampaign(user, campaign(user), outcome, at(day)));
    }

    private void declare(String incidentId, String title, String severity, Instant at, List<String> users) {
        Http.Response declared = http.post("/api/v1/incidents", """
                {"incidentId": "%s", "title": "%s", "severity": "%s", "occurredAt": "%s",
                 "affectedUserIds": [%s]}""".formatted(incidentId, title, severity, at,
                                                        String.join(", ", users.stream()
                                                                               .map(id -> "\"" + id + "\"")
                                                                               .toList())));
        assertThat(declared.status()).as(declared.body().toString()).isEqualTo(201);
    }

    private void layeringRun(String asOf) {
        Http.Response run = http.post("/api/v1/layers/runs", "{\"asOf\": \"" + asOf + "\", \"k\": 4}");
        assertThat(run.status()).as(run.body().toString()).isEqualTo(201);
    }

    private static String campaign(String user) {
        return "wake-up-" + user;
    }

    /** Noon in Shanghai. */
    private static Instant at(String day) {
        return Instant.parse(day + "T04:00:00Z");
    }
}
