package dev.userlifecycle.sagas.loyalty;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import java.util.Optional;

/**
 * The referrer of every referred user who has not purchased yet, in {@value #COLLECTION} keyed by the referred user's
 * id, so the first purchase finds its referrer by {@code _id} and no saga per referral waits in the saga store.
 */
public class PendingReferrals {

    public static final String COLLECTION = "pending_referrals";

    private final MongoCollection<Document> referrals;

    public PendingReferrals(MongoDatabase database) {
        this.referrals = database.getCollection(COLLECTION);
    }

    void remember(String referredUserId, String referrerId) {
        referrals.replaceOne(Filters.eq("_id", referredUserId),
                             new Document("_id", referredUserId).append("referrerId", referrerId),
                             new ReplaceOptions().upsert(true));
    }

    Optional<String> referrerOf(String referredUserId) {
        return Optional.ofNullable(referrals.find(Filters.eq("_id", referredUserId)).first())
                       .map(referral -> referral.getString("referrerId"));
    }

    /**
     * Forgets the referral once the unit of work in progress commits: the commands it sent are stored only then, so
     * a batch that fails and is handled again still finds the referrer.
     */
    void forget(String referredUserId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> delete(referredUserId));
        } else {
            delete(referredUserId);
        }
    }

    private void delete(String referredUserId) {
        referrals.deleteOne(Filters.eq("_id", referredUserId));
    }
}
