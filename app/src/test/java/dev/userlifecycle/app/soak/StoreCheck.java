package dev.userlifecycle.app.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every acknowledged command is in the event store exactly once, read with the plain driver from the {@code events}
 * collection and compared user by user with what the client booked ({@link SoakUser}): one {@code UserRegistered}
 * per acknowledged registration, one {@code UserActivated} per activated user, one {@code UserActiveOnDay} per
 * activity and purchase, each acknowledged order id in exactly one {@code PurchaseMade} of its user, one
 * {@code ConsentsChanged} per change (the last one with the consents sent last), each acknowledged redemption id in
 * exactly one {@code PointsRedeemed} and a refused one in none, one {@code ReferralRecorded} on the referrer per
 * referred user. And what the sagas did once per cause, after restarts too: exactly one {@code PointsEarned} per
 * order ({@code order:<orderId>}) and per referred user who purchased ({@code referral:<userId>}). Every stream's
 * sequence numbers run 0, 1, 2, ... without a gap or a repeat, and no stream exists that no command asked for.
 */
final class StoreCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was checked (a table of counts), and every difference found. */
    record Result(List<String> report, List<String> differences) {
    }

    private record Stored(long sequence, String type, JsonNode payload) {
    }

    private StoreCheck() {
    }

    static Result check(MongoDatabase database, List<SoakUser> users) {
        Map<String, List<Stored>> streams = new HashMap<>();
        long withoutAggregate = 0;
        for (Document event : database.getCollection("events").find().batchSize(1_000)
                                      .projection(Projections.include("aggregateIdentifier", "sequenceNumber",
                                                                       "type", "payloadType", "payload"))) {
            if (event.getString("type") == null) {
                withoutAggregate++;
                continue;
            }
            String type = event.getString("payloadType");
            streams.computeIfAbsent(event.getString("aggregateIdentifier"), id -> new ArrayList<>())
                   .add(new Stored(((Number) event.get("sequenceNumber")).longValue(),
                                   type.substring(type.lastIndexOf('.') + 1), parse(event.getString("payload"))));
        }
        List<String> differences = new ArrayList<>();
        Map<String, long[]> counts = new TreeMap<>(); // type -> {expected, stored}
        Map<String, SoakUser> byId = users.stream().collect(Collectors.toMap(user -> user.id, Function.identity()));
        for (String aggregate : streams.keySet()) {
            if (!byId.containsKey(aggregate) || !byId.get(aggregate).isRegistered()) {
                differences.add("stream " + aggregate + " (" + streams.get(aggregate).size()
                                + " events) belongs to no acknowledged registration");
            }
        }
        for (SoakUser user : users) {
            List<Stored> stream = new ArrayList<>(streams.getOrDefault(user.id, List.of()));
            stream.sort(java.util.Comparator.comparingLong(Stored::sequence));
            checkSequence(user.id, stream, differences);
            Map<String, List<JsonNode>> byType = new HashMap<>();
            stream.forEach(event -> byType.computeIfAbsent(event.type(), type -> new ArrayList<>())
                                          .add(event.payload()));
            Expected expected = new Expected(user, byType, counts, differences);
            expected.count("UserRegistered", user.isRegistered() ? 1 : 0);
            expected.count("UserActivated", user.isActivated() ? 1 : 0);
            expected.count("UserActiveOnDay", user.activeDays());
            expected.ids("PurchaseMade", "orderId", user.orderIds().stream().toList());
            expected.count("ConsentsChanged", user.consentChanges());
            expected.lastConsents();
            expected.ids("PointsRedeemed", "redemptionId", user.redemptions().stream().toList());
            expected.ids("ReferralRecorded", "referredUserId", user.referredUsers());
            List<String> sources = new ArrayList<>();
            user.orderIds().forEach(orderId -> sources.add("order:" + orderId));
            user.referredUsers().stream().filter(referred -> purchased(referred, byId))
                .forEach(referred -> sources.add("referral:" + referred));
            expected.ids("PointsEarned", "sourceId", sources);
            for (String refused : user.refusedRedemptions()) {
                if (byType.getOrDefault("PointsRedeemed", List.of()).stream()
                          .anyMatch(event -> refused.equals(event.path("redemptionId").asText()))) {
                    differences.add(user.id + ": redemption " + refused + " was refused (422) but is stored");
                }
            }
        }
        List<String> report = new ArrayList<>();
        report.add("| event type | expected from the acknowledged commands | stored |");
        report.add("| --- | ---: | ---: |");
        counts.forEach((type, pair) -> report.add(String.format("| %s | %,d | %,d |", type, pair[0], pair[1])));
        report.add(String.format("%,d streams and %,d events read; %,d events of no aggregate", streams.size(),
                                 streams.values().stream().mapToLong(List::size).sum(), withoutAggregate));
        return new Result(report, differences);
    }

    private static boolean purchased(String userId, Map<String, SoakUser> users) {
        SoakUser user = users.get(userId);
        return user != null && !user.orderIds().isEmpty();
    }

    private static void checkSequence(String aggregate, List<Stored> stream, List<String> differences) {
        long[] sequences = stream.stream().mapToLong(Stored::sequence).sorted().toArray();
        for (int i = 0; i < sequences.length; i++) {
            if (sequences[i] != i) {
                differences.add(aggregate + ": sequence numbers are not 0.." + (sequences.length - 1) + " (at " + i
                                + ": " + sequences[i] + ")");
                return;
            }
        }
    }

    /** The comparisons of one user's stream, adding to the totals per type. */
    private record Expected(SoakUser user, Map<String, List<JsonNode>> byType, Map<String, long[]> counts,
                            List<String> differences) {

        void count(String type, int expected) {
            int stored = byType.getOrDefault(type, List.of()).size();
            total(type, expected, stored);
            if (stored != expected) {
                differences.add(String.format("%s: %d %s stored, %d expected", user.id, stored, type, expected));
            }
        }

        /** Each expected id exactly once in the field of the events of the type, and no other. */
        void ids(String type, String field, List<String> expected) {
            Map<String, Integer> stored = new TreeMap<>();
            byType.getOrDefault(type, List.of())
                  .forEach(event -> stored.merge(event.path(field).asText(), 1, Integer::sum));
            total(type, expected.size(), stored.values().stream().mapToInt(Integer::intValue).sum());
            for (String id : expected) {
                int times = stored.getOrDefault(id, 0);
                if (times != 1) {
                    differences.add(String.format("%s: %s %s=%s stored %d times, expected once", user.id, type,
                                                  field, id, times));
                }
            }
            stored.keySet().stream().filter(id -> !expected.contains(id)).forEach(id -> differences.add(
                    String.format("%s: %s %s=%s stored (%d times), no acknowledged command asked for it", user.id,
                                  type, field, id, stored.get(id))));
        }

        void lastConsents() {
            List<JsonNode> changes = byType.getOrDefault("ConsentsChanged", List.of());
            if (changes.isEmpty()) {
                return;
            }
            JsonNode last = changes.get(changes.size() - 1).path("consents");
            boolean[] expected = user.consents();
            boolean[] stored = {last.path("sms").asBoolean(), last.path("push").asBoolean(),
                    last.path("email").asBoolean()};
            if (!java.util.Arrays.equals(expected, stored)) {
                differences.add(String.format("%s: last ConsentsChanged is %s, the last acknowledged change %s",
                                              user.id, java.util.Arrays.toString(stored),
                                              java.util.Arrays.toString(expected)));
            }
        }

        private void total(String type, long expected, long stored) {
            long[] pair = counts.computeIfAbsent(type, key -> new long[2]);
            pair[0] += expected;
            pair[1] += stored;
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable payload: " + payload, e);
        }
    }
}
