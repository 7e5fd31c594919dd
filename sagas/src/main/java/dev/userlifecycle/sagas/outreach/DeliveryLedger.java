package dev.userlifecycle.sagas.outreach;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * One document per idempotency key in {@code outreach_deliveries}: {@code status} (SENDING, DELIVERED, FAILED),
 * {@code attempts}, {@code lastError}, {@code claimedAt} and {@code at}. A send claims its key with an insert before
 * it posts, so of two sends of one key only the one that claimed posts.
 */
class DeliveryLedger {

    static final String COLLECTION = "outreach_deliveries";

    private static final String SENDING = "SENDING";
    private static final String DELIVERED = "DELIVERED";
    private static final String FAILED = "FAILED";

    private final MongoCollection<Document> deliveries;

    DeliveryLedger(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
    }

    /**
     * Claims the key for a send; empty when the caller holds the claim and must deliver, otherwise the receipt to
     * answer without sending. A FAILED key may be claimed again: the saga decides whether to retry a step, and the
     * receiver deduplicates by the same Idempotency-Key. A SENDING claim older than {@code staleBefore} is taken
     * over too, since the process that held it cannot still be sending.
     */
    Optional<OutreachReceipt> claim(String key, Instant now, Instant staleBefore) {
        try {
            deliveries.insertOne(new Document("_id", key).append("status", SENDING).append("attempts", 0)
                                                         .append("claimedAt", Date.from(now))
                                                         .append("at", Date.from(now)));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document retaken = deliveries.findOneAndUpdate(
                Filters.and(Filters.eq("_id", key),
                            Filters.or(Filters.eq("status", FAILED),
                                       Filters.and(Filters.eq("status", SENDING),
                                                   Filters.lt("claimedAt", Date.from(staleBefore))))),
                Updates.combine(Updates.set("status", SENDING), Updates.set("attempts", 0),
                                Updates.set("claimedAt", Date.from(now)), Updates.set("at", Date.from(now)),
                                Updates.unset("lastError")));
        if (retaken != null) {
            return Optional.empty();
        }
        Document current = deliveries.find(Filters.eq("_id", key)).first();
        if (current == null) {
            return Optional.empty();
        }
        OutreachReceipt.Status status = FAILED.equals(current.getString("status"))
                ? OutreachReceipt.Status.FAILED
                : OutreachReceipt.Status.ALREADY_DELIVERED;
        return Optional.of(new OutreachReceipt(key, status, current.getInteger("attempts", 0),
                                               current.getDate("at").toInstant(), current.getString("lastError")));
    }

    void delivered(String key, int attempts, Instant at) {
        finish(key, DELIVERED, attempts, at, null);
    }

    void failed(String key, int attempts, Instant at, String reason) {
        finish(key, FAILED, attempts, at, reason);
    }

    /** The ledger entry of a key, for tests and operators. */
    Optional<Document> find(String key) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", key)).first());
    }

    private void finish(String key, String status, int attempts, Instant at, String reason) {
        deliveries.updateOne(Filters.eq("_id", key),
                             Updates.combine(Updates.set("status", status), Updates.set("attempts", attempts),
                                             Updates.set("at", Date.from(at)), Updates.set("lastError", reason)));
    }
}
