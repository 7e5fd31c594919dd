package dev.userlifecycle.query.facts;

import dev.userlifecycle.events.WakeUpOutcome;
import dev.userlifecycle.query.retention.WakeUpEntry;
import dev.userlifecycle.query.retention.WinBackFacts;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The part of a {@link StoredFacts} document about dormancy and win-back, each list only when it has an element:
 * <pre>
 * dormancies: [{at: instant, day: int}, in order of at],
 * wakeUps: [{campaignId, enteredAt: instant, enteredDay: int, holdout: boolean, contacted: [step],
 *            skipped: [{step, reason}], outcome: REACTIVATED|EXPIRED?}, in order of entering]
 * </pre>
 * Instants are ISO-8601 strings, exact to the nanosecond; days are what the figures count with. Keyed by the
 * instant and by the campaign, so applying an event twice changes nothing.
 */
final class StoredWinBack {

    private final List<Dormancy> dormancies = new ArrayList<>();
    private final List<WakeUp> wakeUps = new ArrayList<>();

    private record Dormancy(Instant at, int day) {
    }

    private record WakeUp(Instant enteredAt, WakeUpEntry entry) {
    }

    void wentDormant(Instant at, int day) {
        if (dormancies.stream().noneMatch(dormancy -> dormancy.at().equals(at))) {
            int index = dormancies.size();
            while (index > 0 && dormancies.get(index - 1).at().isAfter(at)) {
                index--;
            }
            dormancies.add(index, new Dormancy(at, day));
        }
    }

    void enteredWakeUp(String campaignId, Instant at, int day, boolean holdout) {
        if (wakeUps.stream().noneMatch(wakeUp -> wakeUp.entry().campaignId().equals(campaignId))) {
            wakeUps.add(new WakeUp(at, new WakeUpEntry(campaignId, day, holdout, List.of(), List.of(), null)));
        }
    }

    /** Outreach of a campaign the user did not enter as a wake-up campaign (an incident's apology) is no fact here. */
    void contacted(String campaignId, String step) {
        change(campaignId, entry -> new WakeUpEntry(entry.campaignId(), entry.enteredDay(), entry.holdout(),
                                                    plus(entry.contacted(), step), entry.skipped(), entry.outcome()));
    }

    void skipped(String campaignId, String step, String reason) {
        change(campaignId, entry -> new WakeUpEntry(entry.campaignId(), entry.enteredDay(), entry.holdout(),
                                                    entry.contacted(),
                                                    plus(entry.skipped(), new WakeUpEntry.Skip(step, reason)),
                                                    entry.outcome()));
    }

    void ended(String campaignId, WakeUpOutcome outcome) {
        change(campaignId, entry -> new WakeUpEntry(entry.campaignId(), entry.enteredDay(), entry.holdout(),
                                                    entry.contacted(), entry.skipped(), outcome));
    }

    private void change(String campaignId, UnaryOperator<WakeUpEntry> change) {
        for (int i = 0; i < wakeUps.size(); i++) {
            WakeUp wakeUp = wakeUps.get(i);
            if (wakeUp.entry().campaignId().equals(campaignId)) {
                wakeUps.set(i, new WakeUp(wakeUp.enteredAt(), change.apply(wakeUp.entry())));
            }
        }
    }

    private static <T> List<T> plus(List<T> values, T value) {
        List<T> more = new ArrayList<>(values);
        more.add(value);
        return more;
    }

    /** Seeds the days of {@code facts}, each instant the start of its day in UTC. */
    void seed(WinBackFacts facts) {
        for (int day : facts.dormancyDays()) {
            dormancies.add(new Dormancy(startOf(day), day));
        }
        for (WakeUpEntry entry : facts.wakeUps()) {
            wakeUps.add(new WakeUp(startOf(entry.enteredDay()), entry));
        }
    }

    private static Instant startOf(int day) {
        return Instant.ofEpochSecond(day * 86_400L);
    }

    WinBackFacts toFacts(String userId, int registeredDay) {
        int[] days = dormancies.stream().mapToInt(Dormancy::day).distinct().sorted().toArray();
        return new WinBackFacts(userId, registeredDay, days, wakeUps.stream().map(WakeUp::entry).toList());
    }

    void appendTo(Document document) {
        if (!dormancies.isEmpty()) {
            document.append("dormancies", dormancies.stream()
                    .map(dormancy -> new Document("at", dormancy.at().toString()).append("day", dormancy.day()))
                    .toList());
        }
        if (!wakeUps.isEmpty()) {
            document.append("wakeUps", wakeUps.stream().map(StoredWinBack::toDocument).toList());
        }
    }

    private static Document toDocument(WakeUp wakeUp) {
        WakeUpEntry entry = wakeUp.entry();
        Document document = new Document("campaignId", entry.campaignId())
                .append("enteredAt", wakeUp.enteredAt().toString())
                .append("enteredDay", entry.enteredDay())
                .append("holdout", entry.holdout())
                .append("contacted", entry.contacted())
                .append("skipped", entry.skipped().stream()
                                        .map(skip -> new Document("step", skip.step()).append("reason", skip.reason()))
                                        .toList());
        return entry.outcome() == null ? document : document.append("outcome", entry.outcome().name());
    }

    void readFrom(Document document) {
        for (Document dormancy : document.getList("dormancies", Document.class, List.of())) {
            dormancies.add(new Dormancy(Instant.parse(dormancy.getString("at")),
                                        ((Number) dormancy.get("day")).intValue()));
        }
        for (Document wakeUp : document.getList("wakeUps", Document.class, List.of())) {
            wakeUps.add(new WakeUp(Instant.parse(wakeUp.getString("enteredAt")), entry(wakeUp)));
        }
    }

    static WakeUpEntry entry(Document wakeUp) {
        List<WakeUpEntry.Skip> skipped = wakeUp.getList("skipped", Document.class, List.of()).stream()
                .map(skip -> new WakeUpEntry.Skip(skip.getString("step"), skip.getString("reason")))
                .toList();
        String outcome = wakeUp.getString("outcome");
        return new WakeUpEntry(wakeUp.getString("campaignId"), ((Number) wakeUp.get("enteredDay")).intValue(),
                               wakeUp.getBoolean("holdout", false),
                               wakeUp.getList("contacted", String.class, List.of()), skipped,
                               outcome == null ? null : WakeUpOutcome.valueOf(outcome));
    }
}
