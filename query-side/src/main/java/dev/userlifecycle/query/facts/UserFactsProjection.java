package dev.userlifecycle.query.facts;

import com.mongodb.client.MongoCollection;
import dev.userlifecycle.events.OutreachContactRecorded;
import dev.userlifecycle.events.OutreachStepSkipped;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserEvent;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.events.WakeUpCampaignEnded;
import dev.userlifecycle.events.WakeUpCampaignEntered;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.store.DocumentBatch;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps one {@link StoredFacts} document per user in {@value StoredFacts#COLLECTION}: registration, activation,
 * active days, purchases by order, dormancies and wake-up campaign entries, in the platform's time zone.
 * Re-delivered events change nothing: a document keeps the sequence number of the last event of the user's stream it
 * applied. The documents of a batch are read
 * and written together ({@link DocumentBatch}); after each write the {@link FactsListener} derives its figures from
 * the facts before and after.
 */
@ProcessingGroup(UserFactsProjection.PROCESSING_GROUP)
public class UserFactsProjection {

    public static final String PROCESSING_GROUP = "user-facts";

    private final ReadModels readModels;
    private final ZoneId zone;
    private final FactsListener listener;

    public UserFactsProjection(ReadModels readModels, ZoneId zone, FactsListener listener) {
        this.readModels = readModels;
        this.zone = zone;
        this.listener = listener;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> {
            int referrerDay = UserFacts.NONE;
            if (event.referrerId() != null) {
                Document referrer = batch().get(event.referrerId());
                referrerDay = referrer == null ? UserFacts.NONE : StoredFacts.from(referrer).registeredDay();
            }
            facts.registered(day(event.occurredAt()), event.referrerId(), referrerDay);
        });
    }

    @EventHandler
    void on(UserActivated event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.activated(day(event.occurredAt())));
    }

    @EventHandler
    void on(UserActiveOnDay event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.activeOn((int) event.day().toEpochDay()));
    }

    @EventHandler
    void on(PurchaseMade event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.purchased(event.orderId(), day(event.occurredAt()),
                                                        event.amount().amount().movePointRight(2).longValueExact()));
    }

    @EventHandler
    void on(UserWentDormant event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.winBack().wentDormant(event.occurredAt(), day(event.occurredAt())));
    }

    @EventHandler
    void on(WakeUpCampaignEntered event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.winBack().enteredWakeUp(event.campaignId(), event.occurredAt(),
                                                                      day(event.occurredAt()), event.holdout()));
    }

    @EventHandler
    void on(OutreachContactRecorded event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.winBack().contacted(event.campaignId(), event.step()));
    }

    @EventHandler
    void on(OutreachStepSkipped event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.winBack().skipped(event.campaignId(), event.step(), event.reason()));
    }

    @EventHandler
    void on(WakeUpCampaignEnded event, @SequenceNumber long sequence) {
        apply(event, sequence, facts -> facts.winBack().ended(event.campaignId(), event.outcome()));
    }

    @ResetHandler
    void reset() {
        collection().drop();
        listener.reset();
    }

    private void apply(UserEvent event, long sequence, Consumer<StoredFacts> change) {
        listener.beforeWrite();
        DocumentBatch batch = batch();
        try {
            Document stored = batch.get(event.userId());
            StoredFacts facts = stored == null ? new StoredFacts(event.userId()) : StoredFacts.from(stored);
            if (sequence > facts.sequence()) {
                change.accept(facts);
                facts.sequence(sequence);
                batch.put(event.userId(), facts.toDocument());
            }
        } finally {
            write(batch);
        }
    }

    private void write(DocumentBatch batch) {
        List<DocumentBatch.Change> changes;
        try {
            changes = batch.endOfEvent();
        } catch (RuntimeException e) {
            listener.writeFailed();
            throw e;
        }
        for (DocumentBatch.Change change : changes) {
            listener.replaced(change.before() == null ? null : StoredFacts.from(change.before()),
                              StoredFacts.from(change.after()));
        }
    }

    private DocumentBatch batch() {
        return DocumentBatch.current(collection(), UserFactsProjection::idsOf);
    }

    private static Collection<String> idsOf(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof UserRegistered registered && registered.referrerId() != null) {
            return List.of(registered.userId(), registered.referrerId());
        }
        return payload instanceof UserEvent event ? List.of(event.userId()) : List.of();
    }

    private int day(Instant occurredAt) {
        return (int) LocalDate.ofInstant(occurredAt, zone).toEpochDay();
    }

    private MongoCollection<Document> collection() {
        return readModels.collection(StoredFacts.COLLECTION);
    }
}
