package dev.userlifecycle.query.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.events.ProfileRfm;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.ReferralRecorded;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserProfile;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserStatus;
import dev.userlifecycle.events.UserEvent;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.query.layers.LatestUserLayer;
import dev.userlifecycle.query.store.DocumentBatch;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The user profile read model: one document per user in {@value #COLLECTION}.
 * <p>
 * Every write is idempotent under re-delivery: a document keeps the sequence number of the last event of the user's
 * stream it applied, and an event with a sequence number not above it changes nothing. The guard reads the document
 * by {@code _id} and writes it back whole by {@code _id}; events of one user are handled in order by one thread of
 * the (streaming) processor, so no other writer races it. The documents of a tracking batch are read and written
 * together ({@link DocumentBatch}), and subscribers hear of a change once it is stored. {@link ReferralRecorded} is
 * an event of the referrer's stream, so the same guard covers it. The handlers take the event's {@link TrackingToken}, so this projection runs
 * in a streaming (tracking or pooled) processor.
 * <p>
 * The profile's {@code layer} and {@code rfm} are no events' doing: they are looked up in the latest layering run
 * when the profile is read ({@link LatestUserLayer}, two {@code _id} reads).
 */
@ProcessingGroup(UserProfileProjection.PROCESSING_GROUP)
public class UserProfileProjection {

    public static final String PROCESSING_GROUP = "user-profiles";
    public static final String COLLECTION = "user_profiles";

    private final ReadModels readModels;
    private final QueryUpdateEmitter updateEmitter;
    private final LatestUserLayer latestLayer;

    public UserProfileProjection(ReadModels readModels, QueryUpdateEmitter updateEmitter) {
        this(readModels, updateEmitter, new LatestUserLayer(readModels.database()));
    }

    /**
     * {@code latestLayer} supplies the profile's {@code layer} and {@code rfm}: the user's place in the latest run.
     * Without an {@code updateEmitter} nobody hears of a change: a copy being rebuilt replays old states that no
     * subscriber must be sent.
     */
    public UserProfileProjection(ReadModels readModels, QueryUpdateEmitter updateEmitter,
                                 LatestUserLayer latestLayer) {
        this.readModels = readModels;
        this.updateEmitter = updateEmitter;
        this.latestLayer = latestLayer;
    }

    /** A projection into {@code readModels} that tells no subscriber: the copy a rebuild writes. */
    public static UserProfileProjection withoutUpdates(ReadModels readModels) {
        return new UserProfileProjection(readModels, null, new LatestUserLayer(readModels.database()));
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> {
            p.status = UserStatus.REGISTERED;
            p.registeredAt = event.occurredAt();
        });
    }

    @EventHandler
    void on(UserActivated event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> {
            p.status = UserStatus.ACTIVE;
            p.activatedAt = event.occurredAt();
            p.noteActivity(event.occurredAt());
        });
    }

    @EventHandler
    void on(UserActiveOnDay event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> p.noteActivity(event.occurredAt()));
    }

    @EventHandler
    void on(PurchaseMade event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> {
            p.purchaseCount++;
            p.totalSpent = p.totalSpent == null ? event.amount() : p.totalSpent.add(event.amount());
            p.noteActivity(event.occurredAt());
        });
    }

    @EventHandler
    void on(UserWentDormant event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> {
            p.status = UserStatus.DORMANT;
            p.noteActivity(event.lastActiveAt());
        });
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> {
            p.status = UserStatus.ACTIVE;
            p.noteActivity(event.occurredAt());
        });
    }

    @EventHandler
    void on(ReferralRecorded event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.referrerId(), sequence, token, p -> p.referrals++);
    }

    @EventHandler
    void on(PointsEarned event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> p.pointsBalance += event.points());
    }

    @EventHandler
    void on(PointsRedeemed event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> p.pointsBalance -= event.points());
    }

    @EventHandler
    void on(PointsExpired event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> p.pointsBalance -= event.points());
    }

    @EventHandler
    void on(LoyaltyTierChanged event, @SequenceNumber long sequence, TrackingToken token) {
        apply(event.userId(), sequence, token, p -> p.loyaltyTier = event.to());
    }

    @ResetHandler
    void reset() {
        collection().drop();
    }

    @QueryHandler
    public Optional<UserProfile> handle(FindUserProfile query) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", query.userId())).first())
                       .map(ProfileState::from)
                       .map(this::withLatestLayer)
                       .map(ProfileState::toView);
    }

    private ProfileState withLatestLayer(ProfileState state) {
        latestLayer.find(state.userId).ifPresent(layer -> {
            state.layer = layer.layer();
            state.rfm = layer.rfm();
        });
        return state;
    }

    private boolean subscribed(String userId) {
        return updateEmitter != null && updateEmitter.activeSubscriptions().stream()
                            .anyMatch(subscription -> subscription.getPayload() instanceof FindUserProfile query
                                    && query.userId().equals(userId));
    }

    private void apply(String userId, long sequence, TrackingToken token, Consumer<ProfileState> change) {
        DocumentBatch batch = DocumentBatch.current(collection(), UserProfileProjection::idsOf);
        try {
            Document stored = batch.get(userId);
            ProfileState state = stored == null ? ProfileState.empty(userId) : ProfileState.from(stored);
            if (state.sequence != null && sequence <= state.sequence) {
                return;
            }
            change.accept(state);
            state.sequence = sequence;
            if (token != null && token.position().isPresent()) {
                state.position = token.position().getAsLong();
            }
            batch.put(userId, state.toDocument());
        } finally {
            for (DocumentBatch.Change written : batch.endOfEvent()) {
                String changedUser = written.id();
                // the layer lookup costs two reads, so only a profile that someone subscribed to gets it
                if (subscribed(changedUser)) {
                    UserProfile profile = withLatestLayer(ProfileState.from(written.after())).toView();
                    updateEmitter.emit(FindUserProfile.class, q -> q.userId().equals(changedUser), profile);
                }
            }
        }
    }

    private static Collection<String> idsOf(Message<?> message) {
        return message.getPayload() instanceof UserEvent event ? List.of(event.userId()) : List.of();
    }

    private MongoCollection<Document> collection() {
        return readModels.collection(COLLECTION);
    }

    /** The mutable state of one profile between reading its document and writing it back. */
    private static final class ProfileState {
        String userId;
        Long sequence;
        Long position;
        UserStatus status;
        Instant registeredAt;
        Instant activatedAt;
        Instant lastActiveAt;
        long purchaseCount;
        Money totalSpent;
        long pointsBalance;
        LoyaltyTier loyaltyTier = LoyaltyTier.BRONZE;
        String layer;
        ProfileRfm rfm;
        long referrals;

        static ProfileState empty(String userId) {
            ProfileState state = new ProfileState();
            state.userId = userId;
            return state;
        }

        void noteActivity(Instant at) {
            if (at != null && (lastActiveAt == null || at.isAfter(lastActiveAt))) {
                lastActiveAt = at;
            }
        }

        Money averageOrderValue() {
            if (totalSpent == null || purchaseCount == 0) {
                return null;
            }
            BigDecimal average = totalSpent.amount().divide(BigDecimal.valueOf(purchaseCount), 2, RoundingMode.HALF_UP);
            return new Money(average, totalSpent.currency());
        }

        UserProfile toView() {
            return new UserProfile(userId, status, registeredAt, activatedAt, lastActiveAt, purchaseCount, totalSpent,
                                   averageOrderValue(), pointsBalance, loyaltyTier, layer, rfm, referrals, position);
        }

        Document toDocument() {
            Document doc = new Document("_id", userId)
                    .append("sequence", sequence)
                    .append("position", position)
                    .append("status", status == null ? null : status.name())
                    .append("registeredAt", date(registeredAt))
                    .append("activatedAt", date(activatedAt))
                    .append("lastActiveAt", date(lastActiveAt))
                    .append("purchaseCount", purchaseCount)
                    .append("pointsBalance", pointsBalance)
                    .append("loyaltyTier", loyaltyTier == null ? null : loyaltyTier.name())
                    .append("layer", layer)
                    .append("referrals", referrals);
            if (totalSpent != null) {
                doc.append("totalSpent", new Document("amount", totalSpent.amount().toPlainString())
                        .append("currency", totalSpent.currency()));
            }
            if (rfm != null) {
                doc.append("rfm", new Document("recency", rfm.recency()).append("frequency", rfm.frequency())
                        .append("monetary", rfm.monetary()).append("segment", rfm.segment()));
            }
            return doc;
        }

        static ProfileState from(Document doc) {
            ProfileState state = empty(doc.getString("_id"));
            state.sequence = number(doc.get("sequence"));
            state.position = number(doc.get("position"));
            String status = doc.getString("status");
            state.status = status == null ? null : UserStatus.valueOf(status);
            state.registeredAt = instant(doc.getString("registeredAt"));
            state.activatedAt = instant(doc.getString("activatedAt"));
            state.lastActiveAt = instant(doc.getString("lastActiveAt"));
            state.purchaseCount = orZero(number(doc.get("purchaseCount")));
            state.pointsBalance = orZero(number(doc.get("pointsBalance")));
            state.referrals = orZero(number(doc.get("referrals")));
            String tier = doc.getString("loyaltyTier");
            state.loyaltyTier = tier == null ? null : LoyaltyTier.valueOf(tier);
            state.layer = doc.getString("layer");
            Document spent = doc.get("totalSpent", Document.class);
            if (spent != null) {
                state.totalSpent = new Money(new BigDecimal(spent.getString("amount")), spent.getString("currency"));
            }
            Document rfm = doc.get("rfm", Document.class);
            if (rfm != null) {
                state.rfm = new ProfileRfm(rfm.getInteger("recency"), rfm.getInteger("frequency"),
                                           rfm.getInteger("monetary"), rfm.getString("segment"));
            }
            return state;
        }

        private static String date(Instant instant) {
            return instant == null ? null : instant.toString();
        }

        private static Instant instant(String text) {
            return text == null ? null : Instant.parse(text);
        }

        private static Long number(Object value) {
            return value == null ? null : ((Number) value).longValue();
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }
}
