package dev.userlifecycle.query.facts;

import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.WinBackFacts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One document of {@value #COLLECTION}: what the analytics know of a user, with days as epoch days of the platform's
 * time zone. Every field is a set or a keyed value, so applying an event twice gives the same document; the stream's
 * {@code sequence} is kept besides, so a re-delivered event is recognised before anything is computed.
 * <pre>
 * { _id: userId, sequence: long, registeredDay: int, activatedDay: int?, referrerId: string?,
 *   referrerRegisteredDay: int?, activeDays: [int, strictly increasing],
 *   purchases: [{orderId: string, day: int, cents: long}, in order of day],
 *   dormancies: [...]?, wakeUps: [...]? }
 * </pre>
 * The dormancies and wake-up campaign entries are a {@link StoredWinBack}.
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
    private final StoredWinBack winBack = new StoredWinBack();

    /** One purchase: its order, its day and its amount in hundredths of the currency. */
    public record Purchase(String orderId, int day, long cents) {
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
        stored.winBack.seed(winBack);
        return stored;
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

    /** The user's dormancies and wake-up entries, to change. */
    StoredWinBack winBack() {
        return winBack;
    }

    /** The facts the win-back figures take; {@code null} before registration. */
    public WinBackFacts toWinBack() {
        if (!isRegistered()) {
            return null;
        }
        return winBack.toFacts(userId, registeredDay);
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
        winBack.appendTo(document);
        return document;
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
        facts.winBack.readFrom(document);
        return facts;
    }

    /**
     * The win-back facts of a document read with the fields {@code registeredDay}, {@code dormancies} and
     * {@code wakeUps} alone; {@code null} for a user not registered yet.
     */
    public static WinBackFacts toWinBack(Document partial) {
        StoredFacts facts = new StoredFacts(partial.getString("_id"));
        facts.registeredDay = intOr(partial.get("registeredDay"));
        facts.winBack.readFrom(partial);
        return facts.toWinBack();
    }

    /** The retention facts of a stored document, {@code null} for a user not registered yet. */
    public static UserFacts toFacts(Document document) {
        return from(document).toFacts();
    }

    private static int intOr(Object value) {
        return value == null ? UserFacts.NONE : ((Number) value).intValue();
    }
}
