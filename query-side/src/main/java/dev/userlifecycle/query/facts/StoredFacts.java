package dev.userlifecycle.query.facts;

import dev.userlifecycle.events.WakeUpOutcome;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.WakeUpEntry;
import dev.userlifecycle.query.retention.WinBackFacts;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One document of {@value #COLLECTION}: what the analytics know of a user, with days as epoch days of the platform's
 * time zone. Every field is a set or a keyed value, so applying an event twice gives the same document; the stream's
 * {@code sequence} is kept besides, so a re-delivered event is recognised before anything is computed.
 * <pre>
 * { _id: userId, sequence: long, registeredDay: int, activatedDay: int?, referrerId: string?,
 *   referrerRegisteredDay: int?, activeDays: [int, strictly increasing],
 *   purchases: [{orderId: string, day: int, cents: long}, in order of day],
 *   dormancies: [{at: instant, day: int}, in order of at]?,
 *   wakeUps: [{campaignId, enteredAt: instant, enteredDay: int, holdout: boolean, contacted: [step], skipped:
 *              [{step, reason}], outcome: REACTIVATED|EXPIRED?}, in order of entering]? }
 * </pre>
 * Instants are ISO-8601 strings, exact to the nanosecond; days are what the figures count with.
 */
public final class StoredFacts {

    public static final String COLLECTION = "user_facts";

    private final String userId;
    private long sequence = -1;
    private int registeredDay = UserFacts.NONE;
    private int activatedDay = UserFacts.NONE;
    private String referrerId;
    private int referrerRegisteredDay = UserFacts.NONE;
    private int[] activeDays = new int[0];
    private final List<Purchase> purchases = new ArrayList<>();
    private final List<Dormancy> dormancies = new ArrayList<>();
    private final List<WakeUp> wakeUps = new ArrayList<>();

    /** One purchase: its order, its day and its amount in hundredths of the currency. */
    public record Purchase(String orderId, int day, long cents) {
    }

    /** The user went dormant at {@code at}, on {@code day}. */
    public record Dormancy(Instant at, int day) {
    }

    /** A wake-up campaign the user entered at {@code enteredAt}, and what became of it. */
    public record WakeUp(Instant enteredAt, WakeUpEntry entry) {
    }

    public StoredFacts(String userId) {
        this.userId = userId;
    }

    /**
     * The stored form of {@code facts} at stream sequence {@code sequence}, for seeding and imports. Facts know no
     * order ids, so the purchases get the ids {@code "p0"}, {@code "p1"}, … in the order of their days.
     */
    public static StoredFacts of(UserFacts facts, long sequence) {
        return of(facts, UserFacts.NONE, sequence);
    }

    /** As {@link #of(UserFacts, long)}, with the registration day of the user's referrer. */
    public static StoredFacts of(UserFacts facts, int referrerRegisteredDay, long sequence) {
        StoredFacts stored = new StoredFacts(facts.userId());
        stored.sequence = sequence;
        stored.registeredDay = facts.registeredDay();
        stored.activatedDay = facts.activatedDay();
        stored.referrerId = facts.referrerId();
        stored.referrerRegisteredDay = referrerRegisteredDay;
        stored.activeDays = facts.activeDays().clone();
        for (int i = 0; i < facts.purchaseDays().length; i++) {
            stored.purchases.add(new Purchase("p" + i, facts.purchaseDays()[i], facts.purchaseAmounts()[i]));
        }
        return stored;
    }

    /**
     * As {@link #of(UserFacts, int, long)}, with the dormancies and wake-up entries of {@code winBack}; facts know
     * days only, so each instant is the start of its day in UTC.
     */
    public static StoredFacts of(UserFacts facts, int referrerRegisteredDay, WinBackFacts winBack, long sequence) {
        StoredFacts stored = of(facts, referrerRegisteredDay, sequence);
        for (int day : winBack.dormancyDays()) {
            stored.dormancies.add(new Dormancy(startOf(day), day));
        }
        for (WakeUpEntry entry : winBack.wakeUps()) {
            stored.wakeUps.add(new WakeUp(startOf(entry.enteredDay()), entry));
        }
        return stored;
    }

    private static Instant startOf(int day) {
        return Instant.ofEpochSecond(day * 86_400L);
    }

    public String userId() {
        return userId;
    }

    public long sequence() {
        return sequence;
    }

    public boolean isRegistered() {
        return registeredDay != UserFacts.NONE;
    }

    public int registeredDay() {
        return registeredDay;
    }

    /** The registration day of the referrer, {@link UserFacts#NONE} without one. */
    public int referrerRegisteredDay() {
        return referrerRegisteredDay;
    }

    public List<Purchase> purchases() {
        return List.copyOf(purchases);
    }

    void sequence(long sequence) {
        this.sequence = sequence;
    }

    void registered(int day, String referrerId, int referrerRegisteredDay) {
        this.registeredDay = day;
        this.referrerId = referrerId;
        this.referrerRegisteredDay = referrerRegisteredDay;
        activeOn(day);
    }

    void activated(int day) {
        if (activatedDay == UserFacts.NONE || day < activatedDay) {
            activatedDay = day;
        }
    }

    void activeOn(int day) {
        int at = Arrays.binarySearch(activeDays, day);
        if (at >= 0) {
            return;
        }
        int insertAt = -at - 1;
        int[] grown = new int[activeDays.length + 1];
        System.arraycopy(activeDays, 0, grown, 0, insertAt);
        grown[insertAt] = day;
        System.arraycopy(activeDays, insertAt, grown, insertAt + 1, activeDays.length - insertAt);
        activeDays = grown;
    }

    void purchased(String orderId, int day, long cents) {
        if (purchases.stream().anyMatch(purchase -> purchase.orderId().equals(orderId))) {
            return;
        }
        int at = purchases.size();
        while (at > 0 && purchases.get(at - 1).day() > day) {
            at--;
        }
        purchases.add(at, new Purchase(orderId, day, cents));
        activeOn(day);
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
        changeWakeUp(campaignId, entry -> new WakeUpEntry(entry.campaignId(), entry.enteredDay(), entry.holdout(),
                                                          plus(entry.contacted(), step), entry.skipped(),
                                                          entry.outcome()));
    }

    void skipped(String campaignId, String step, String reason) {
        changeWakeUp(campaignId, entry -> new WakeUpEntry(entry.campaignId(), entry.enteredDay(), entry.holdout(),
                                                          entry.contacted(),
                                                          plus(entry.skipped(), new WakeUpEntry.Skip(step, reason)),
                                                          entry.outcome()));
    }

    void wakeUpEnded(String campaignId, WakeUpOutcome outcome) {
        changeWakeUp(campaignId, entry -> new WakeUpEntry(entry.campaignId(), entry.enteredDay(), entry.holdout(),
                                                          entry.contacted(), entry.skipped(), outcome));
    }

    private void changeWakeUp(String campaignId, UnaryOperator<WakeUpEntry> change) {
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

    /** The facts the win-back figures take; {@code null} before registration. */
    public WinBackFacts toWinBack() {
        if (!isRegistered()) {
            return null;
        }
        int[] days = dormancies.stream().mapToInt(Dormancy::day).distinct().sorted().toArray();
        return new WinBackFacts(userId, registeredDay, days, wakeUps.stream().map(WakeUp::entry).toList());
    }

    /** The facts the retention computations take; {@code null} before registration. */
    public UserFacts toFacts() {
        if (!isRegistered()) {
            return null;
        }
        int[] purchaseDays = new int[purchases.size()];
        long[] amounts = new long[purchases.size()];
        for (int i = 0; i < purchaseDays.length; i++) {
            purchaseDays[i] = purchases.get(i).day();
            amounts[i] = purchases.get(i).cents();
        }
        return new UserFacts(userId, registeredDay, activatedDay, activeDays.clone(), purchaseDays, amounts,
                             referrerId);
    }

    public Document toDocument() {
        Document document = new Document("_id", userId).append("sequence", sequence)
                                                       .append("registeredDay", registeredDay);
        if (activatedDay != UserFacts.NONE) {
            document.append("activatedDay", activatedDay);
        }
        if (referrerId != null) {
            document.append("referrerId", referrerId);
        }
        if (referrerRegisteredDay != UserFacts.NONE) {
            document.append("referrerRegisteredDay", referrerRegisteredDay);
        }
        List<Integer> days = new ArrayList<>(activeDays.length);
        for (int day : activeDays) {
            days.add(day);
        }
        document.append("activeDays", days);
        List<Document> bought = new ArrayList<>(purchases.size());
        for (Purchase purchase : purchases) {
            bought.add(new Document("orderId", purchase.orderId()).append("day", purchase.day())
                                                                  .append("cents", purchase.cents()));
        }
        document.append("purchases", bought);
        if (!dormancies.isEmpty()) {
            document.append("dormancies", dormancies.stream().map(StoredFacts::toDocument).toList());
        }
        if (!wakeUps.isEmpty()) {
            document.append("wakeUps", wakeUps.stream().map(StoredFacts::toDocument).toList());
        }
        return document;
    }

    private static Document toDocument(Dormancy dormancy) {
        return new Document("at", dormancy.at().toString()).append("day", dormancy.day());
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

    public static StoredFacts from(Document document) {
        StoredFacts facts = new StoredFacts(document.getString("_id"));
        facts.sequence = ((Number) document.get("sequence")).longValue();
        facts.registeredDay = intOr(document.get("registeredDay"));
        facts.activatedDay = intOr(document.get("activatedDay"));
        facts.referrerId = document.getString("referrerId");
        facts.referrerRegisteredDay = intOr(document.get("referrerRegisteredDay"));
        List<?> days = document.getList("activeDays", Object.class, List.of());
        facts.activeDays = new int[days.size()];
        for (int i = 0; i < facts.activeDays.length; i++) {
            facts.activeDays[i] = ((Number) days.get(i)).intValue();
        }
        for (Document purchase : document.getList("purchases", Document.class, List.of())) {
            facts.purchases.add(new Purchase(purchase.getString("orderId"), ((Number) purchase.get("day")).intValue(),
                                             ((Number) purchase.get("cents")).longValue()));
        }
        readWinBack(document, facts);
        return facts;
    }

    /**
     * The win-back facts of a document read with the fields {@code registeredDay}, {@code dormancies} and
     * {@code wakeUps} alone; {@code null} for a user not registered yet.
     */
    public static WinBackFacts toWinBack(Document partial) {
        StoredFacts facts = new StoredFacts(partial.getString("_id"));
        facts.registeredDay = intOr(partial.get("registeredDay"));
        readWinBack(partial, facts);
        return facts.toWinBack();
    }

    private static void readWinBack(Document document, StoredFacts facts) {
        for (Document dormancy : document.getList("dormancies", Document.class, List.of())) {
            facts.dormancies.add(new Dormancy(Instant.parse(dormancy.getString("at")), intOr(dormancy.get("day"))));
        }
        for (Document wakeUp : document.getList("wakeUps", Document.class, List.of())) {
            facts.wakeUps.add(new WakeUp(Instant.parse(wakeUp.getString("enteredAt")), wakeUpEntry(wakeUp)));
        }
    }

    static WakeUpEntry wakeUpEntry(Document wakeUp) {
        List<WakeUpEntry.Skip> skipped = wakeUp.getList("skipped", Document.class, List.of()).stream()
                .map(skip -> new WakeUpEntry.Skip(skip.getString("step"), skip.getString("reason")))
                .toList();
        String outcome = wakeUp.getString("outcome");
        return new WakeUpEntry(wakeUp.getString("campaignId"), intOr(wakeUp.get("enteredDay")),
                               wakeUp.getBoolean("holdout", false),
                               wakeUp.getList("contacted", String.class, List.of()), skipped,
                               outcome == null ? null : WakeUpOutcome.valueOf(outcome));
    }

    /** The retention facts of a stored document, {@code null} for a user not registered yet. */
    public static UserFacts toFacts(Document document) {
        return from(document).toFacts();
    }

    private static int intOr(Object value) {
        return value == null ? UserFacts.NONE : ((Number) value).intValue();
    }
}
