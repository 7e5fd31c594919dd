package dev.userlifecycle.query.points;

import dev.userlifecycle.events.LoyaltyReviewScheduled;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsLedger;
import dev.userlifecycle.events.PointsLedgerEntry;
import dev.userlifecycle.events.PointsLedgerEntry.Kind;
import dev.userlifecycle.events.PointsRedeemed;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** The mutable state of one ledger between reading its document and writing it back. */
final class LedgerState {

    static final String REVIEW_AT = "reviewAt";

    private final String userId;
    private Long sequence;
    private long balance;
    private long earnedTotal;
    // a user's loyalty account starts at BRONZE (command side), before any tier change
    private LoyaltyTier tier = LoyaltyTier.BRONZE;
    private Instant reviewAt;
    private final List<PointsLedgerEntry> entries = new ArrayList<>();

    private LedgerState(String userId) {
        this.userId = userId;
    }

    static LedgerState empty(String userId) {
        return new LedgerState(userId);
    }

    boolean hasApplied(long eventSequence) {
        return sequence != null && eventSequence <= sequence;
    }

    void earned(long at, PointsEarned event) {
        balance += event.points();
        earnedTotal += event.points();
        add(new PointsLedgerEntry(at, Kind.EARNED, event.points(), balance, event.reason(), event.sourceId(), null,
                                  event.expiresAt(), null, null, event.occurredAt()));
    }

    void redeemed(long at, PointsRedeemed event) {
        balance -= event.points();
        add(new PointsLedgerEntry(at, Kind.REDEEMED, -event.points(), balance, event.reason(), null,
                                  event.redemptionId(), null, null, null, event.occurredAt()));
    }

    void expired(long at, PointsExpired event) {
        balance -= event.points();
        add(new PointsLedgerEntry(at, Kind.EXPIRED, -event.points(), balance, null, null, null, null, null, null,
                                  event.occurredAt()));
    }

    void tierChanged(long at, LoyaltyTierChanged event) {
        tier = event.to();
        add(new PointsLedgerEntry(at, Kind.TIER_CHANGED, 0, balance, null, null, null, null, event.from(), event.to(),
                                  event.occurredAt()));
    }

    /** Not an entry: when the account is next due for the expiry sweep. */
    void reviewScheduled(long at, LoyaltyReviewScheduled event) {
        reviewAt = event.reviewAt();
        sequence = at;
    }

    private void add(PointsLedgerEntry entry) {
        entries.add(entry);
        sequence = entry.sequence();
    }

    /** The newest {@code limit} entries below {@code before} (all when it is null), newest first. */
    PointsLedger page(int limit, Long before) {
        List<PointsLedgerEntry> page = new ArrayList<>(Math.min(limit, entries.size()));
        Long next = null;
        for (int i = entries.size() - 1; i >= 0; i--) {
            PointsLedgerEntry entry = entries.get(i);
            if (before != null && entry.sequence() >= before) {
                continue;
            }
            if (page.size() == limit) {
                next = page.get(page.size() - 1).sequence();
                break;
            }
            page.add(entry);
        }
        return new PointsLedger(userId, balance, tier, earnedTotal, page, next);
    }

    Document toDocument() {
        List<Document> stored = entries.stream().map(LedgerState::toDocument).toList();
        Document doc = new Document("_id", userId)
                .append("sequence", sequence)
                .append("balance", balance)
                .append("earnedTotal", earnedTotal)
                .append("tier", tier.name())
                .append("entries", stored);
        if (reviewAt != null) {
            // a BSON date, so that the sweep's query compares it as a time
            doc.append(REVIEW_AT, Date.from(reviewAt));
        }
        return doc;
    }

    static LedgerState from(Document doc) {
        LedgerState state = empty(doc.getString("_id"));
        state.sequence = number(doc.get("sequence"));
        state.balance = number(doc.get("balance"));
        state.earnedTotal = number(doc.get("earnedTotal"));
        state.tier = LoyaltyTier.valueOf(doc.getString("tier"));
        Date reviewAt = doc.getDate(REVIEW_AT);
        state.reviewAt = reviewAt == null ? null : reviewAt.toInstant();
        doc.getList("entries", Document.class).forEach(entry -> state.entries.add(entryFrom(entry)));
        return state;
    }

    private static Document toDocument(PointsLedgerEntry entry) {
        Document doc = new Document("sequence", entry.sequence())
                .append("kind", entry.kind().name())
                .append("points", entry.points())
                .append("balance", entry.balance())
                .append("occurredAt", entry.occurredAt().toString());
        appendIfPresent(doc, "reason", entry.reason());
        appendIfPresent(doc, "sourceId", entry.sourceId());
        appendIfPresent(doc, "redemptionId", entry.redemptionId());
        appendIfPresent(doc, "expiresAt", entry.expiresAt());
        appendIfPresent(doc, "tierFrom", entry.tierFrom());
        appendIfPresent(doc, "tierTo", entry.tierTo());
        return doc;
    }

    private static PointsLedgerEntry entryFrom(Document doc) {
        return new PointsLedgerEntry(number(doc.get("sequence")), Kind.valueOf(doc.getString("kind")),
                                     number(doc.get("points")), number(doc.get("balance")), doc.getString("reason"),
                                     doc.getString("sourceId"), doc.getString("redemptionId"),
                                     instant(doc.getString("expiresAt")), tier(doc.getString("tierFrom")),
                                     tier(doc.getString("tierTo")), instant(doc.getString("occurredAt")));
    }

    private static void appendIfPresent(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value.toString());
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static LoyaltyTier tier(String name) {
        return name == null ? null : LoyaltyTier.valueOf(name);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
