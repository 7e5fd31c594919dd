package dev.userlifecycle.query.points;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.events.FindPointsLedger;
import dev.userlifecycle.events.LoyaltyReviewScheduled;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsLedger;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.events.UserEvent;
import dev.userlifecycle.query.store.DocumentBatch;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The points ledger read model: one document per user in {@value #COLLECTION}, made by the user's first points or
 * tier event, holding every such event as an entry in stream order, and when the account is next due for review
 * ({@code reviewAt}, from {@link LoyaltyReviewScheduled}), which {@link PointsExpiryCandidateFinder} searches.
 * <p>
 * Idempotent under re-delivery as the profile is: a ledger keeps the sequence number of the last event of the user's
 * stream it applied and ignores any event at or below it. The documents of a tracking batch are read and written
 * together ({@link DocumentBatch}).
 */
@ProcessingGroup(PointsLedgerProjection.PROCESSING_GROUP)
public class PointsLedgerProjection {

    public static final String PROCESSING_GROUP = "points-ledger";
    public static final String COLLECTION = "points_ledgers";

    private final ReadModels readModels;

    public PointsLedgerProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @EventHandler
    void on(PointsEarned event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, ledger -> ledger.earned(sequence, event));
    }

    @EventHandler
    void on(PointsRedeemed event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, ledger -> ledger.redeemed(sequence, event));
    }

    @EventHandler
    void on(PointsExpired event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, ledger -> ledger.expired(sequence, event));
    }

    @EventHandler
    void on(LoyaltyTierChanged event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, ledger -> ledger.tierChanged(sequence, event));
    }

    @EventHandler
    void on(LoyaltyReviewScheduled event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, ledger -> ledger.reviewScheduled(sequence, event));
    }

    @ResetHandler
    void reset() {
        collection().drop();
    }

    @QueryHandler
    public Optional<PointsLedger> handle(FindPointsLedger query) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", query.userId())).first())
                       .map(LedgerState::from)
                       .map(ledger -> ledger.page(query.limit(), query.before()));
    }

    private void apply(String userId, long sequence, Consumer<LedgerState> change) {
        DocumentBatch batch = DocumentBatch.current(collection(), PointsLedgerProjection::idsOf);
        try {
            Document stored = batch.get(userId);
            LedgerState ledger = stored == null ? LedgerState.empty(userId) : LedgerState.from(stored);
            if (ledger.hasApplied(sequence)) {
                return;
            }
            change.accept(ledger);
            batch.put(userId, ledger.toDocument());
        } finally {
            batch.endOfEvent();
        }
    }

    private static Collection<String> idsOf(Message<?> message) {
        Object payload = message.getPayload();
        boolean ledgerEvent = payload instanceof PointsEarned || payload instanceof PointsRedeemed
                || payload instanceof PointsExpired || payload instanceof LoyaltyTierChanged
                || payload instanceof LoyaltyReviewScheduled;
        return ledgerEvent ? List.of(((UserEvent) payload).userId()) : List.of();
    }

    private MongoCollection<Document> collection() {
        return readModels.collection(COLLECTION);
    }
}
