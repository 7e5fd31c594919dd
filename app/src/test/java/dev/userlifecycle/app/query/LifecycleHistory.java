package dev.userlifecycle.app.query;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.WakeUpOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history that reaches every projection of the query side: a referrer and the users they referred, purchases,
 * points earned, redeemed and expired, an incident over the users with apologies and a compensation, and dormancy
 * followed by wake-up campaigns (reactivated, expired in the holdout, still open). Written by the test alone, so run
 * it without the sagas role.
 */
final class LifecycleHistory {

    private static final Instant START = Instant.parse("2026-02-02T02:00:00Z");

    private final Http http;
    private final CommandGateway commands;

    /** What was recorded: the users (the referrer first) and the incident. */
    record Recorded(List<String> users, String incidentId) {
    }

    LifecycleHistory(Http http, CommandGateway commands) {
        this.http = http;
        this.commands = commands;
    }

    /** Records the history of {@code referred} users referred by one referrer. */
    Recorded record(int referred) {
        String referrer = "r-" + UUID.randomUUID();
        post("/api/v1/users", registration(referrer, null, START));
        List<String> users = new ArrayList<>();
        for (int i = 0; i < referred; i++) {
            String userId = "u-" + UUID.randomUUID();
            Instant registered = START.plus(Duration.ofDays(1 + i % 20)).plusSeconds(i);
            post("/api/v1/users", registration(userId, referrer, registered));
            post("/api/v1/users/" + userId + "/purchases", """
                    {"orderId": "o-%d", "amount": {"amount": "%d.90", "currency": "CNY"}, "occurredAt": "%s"}"""
                    .formatted(i, 10 + i % 50, registered.plus(Duration.ofDays(7))));
            earnRedeemAndExpirePoints(userId, registered.plus(Duration.ofDays(8)));
            users.add(userId);
        }
        String incidentId = declareAnIncident(users);
        for (int i = 0; i < users.size(); i++) {
            goDormantAndEnterAWakeUpCampaign(users.get(i), i);
        }
        List<String> everybody = new ArrayList<>(List.of(referrer));
        everybody.addAll(users);
        return new Recorded(everybody, incidentId);
    }

    private String declareAnIncident(List<String> users) {
        String incidentId = "inc-" + UUID.randomUUID();
        Instant declared = Instant.parse("2026-03-01T02:00:00Z");
        post("/api/v1/incidents", """
                {"incidentId": "%s", "title": "Checkout down", "severity": "MEDIUM", "occurredAt": "%s",
                 "affectedUserIds": ["%s"]}""".formatted(incidentId, declared, String.join("\", \"", users)));
        for (String userId : users) {
            commands.sendAndWait(new RecordApologySent(incidentId, userId, declared.plusSeconds(60)));
        }
        commands.sendAndWait(new RecordIncidentCompensation(incidentId, users.get(0), 200, declared.plusSeconds(120)));
        return incidentId;
    }

    /** Every third user reactivated, the next in the holdout group and expired, the third still open. */
    private void goDormantAndEnterAWakeUpCampaign(String userId, int i) {
        Instant at = Instant.parse("2026-04-01T02:00:00Z").plus(Duration.ofHours(i % 48));
        String campaignId = "wake-" + userId;
        commands.sendAndWait(new MarkUserDormant(userId, at, Duration.ofDays(30)));
        commands.sendAndWait(new EnterWakeUpCampaign(userId, campaignId, i % 3 == 1, at));
        commands.sendAndWait(ContactUser.on(userId, campaignId, "call", Channel.CALL, null, at.plusSeconds(60)));
        commands.sendAndWait(ContactUser.on(userId, campaignId, "sms", Channel.SMS, null, at.plusSeconds(120)));
        if (i % 3 < 2) {
            WakeUpOutcome outcome = i % 3 == 0 ? WakeUpOutcome.REACTIVATED : WakeUpOutcome.EXPIRED;
            commands.sendAndWait(new EndWakeUpCampaign(userId, campaignId, outcome, at.plus(Duration.ofDays(3))));
        }
    }

    private void earnRedeemAndExpirePoints(String userId, Instant at) {
        commands.sendAndWait(new EarnPoints(userId, 1_000, "campaign", "campaign-" + userId, at,
                                            at.plusSeconds(86_400)));
        post("/api/v1/users/" + userId + "/points/redemptions", """
                {"points": 30, "reason": "coupon", "occurredAt": "%s"}""".formatted(at.plusSeconds(60)));
        commands.sendAndWait(new ExpirePoints(userId, at.plusSeconds(86_400)));
    }

    private void post(String path, String body) {
        Http.Response response = http.post(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(201);
    }

    private static String registration(String userId, String referrerId, Instant at) {
        return """
                {"userId": "%s", "occurredAt": "%s", %s
                 "channel": {"source": "friends", "medium": "referral", "campaign": "spring"}}"""
                .formatted(userId, at, referrerId == null ? "" : "\"referrerId\": \"" + referrerId + "\",");
    }
}
