package dev.userlifecycle.sagas.loyalty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.EarnPurchasePoints;
import dev.userlifecycle.events.EarnReferralBonus;
import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy as its tracking processor calls it (through Axon's annotation adapter), with a recording command bus and
 * the pending referrals on an embedded MongoDB.
 */
class LoyaltyPointsPolicyTest {

    private static final Instant BOUGHT_AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final LoyaltyProgram PROGRAM = LoyaltyProgram.standard(ZoneOffset.UTC);
    private static final Money AMOUNT = Money.of("12.50", "CNY");

    private MongoServer server;
    private MongoClient client;
    private PendingReferrals referrals;
    private final List<Object> sent = new ArrayList<>();
    private final List<MetaData> sentMetaData = new ArrayList<>();
    private Function<Object, Object> aggregate = command -> null;
    private Instant now = BOUGHT_AT.plusSeconds(60);
    private AnnotationEventHandlerAdapter policy;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        referrals = new PendingReferrals(client.getDatabase("test"));
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(EarnPurchasePoints.class, EarnReferralBonus.class)) {
            commandBus.subscribe(type.getName(), this::handle);
        }
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        policy = new AnnotationEventHandlerAdapter(new LoyaltyPointsPolicy(
                DefaultCommandGateway.builder().commandBus(commandBus).build(), referrals, PROGRAM, clock));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private Object handle(CommandMessage<?> message) {
        sent.add(message.getPayload());
        sentMetaData.add(message.getMetaData());
        return aggregate.apply(message.getPayload());
    }

    private void handle(Object event) throws Exception {
        policy.handle(GenericEventMessage.asEventMessage(event));
    }

    private static UserRegistered registered(String userId, String referrerId) {
        return new UserRegistered(userId, new AcquisitionChannel("friends", "referral", null), referrerId, null, null,
                                  ChannelConsents.none(), BOUGHT_AT.minusSeconds(3_600));
    }

    private static PurchaseMade purchase(String userId, String orderId, boolean first) {
        return new PurchaseMade(userId, orderId, AMOUNT, BOUGHT_AT, first);
    }

    @Test
    void aPurchaseAsksTheUserAggregateForItsPoints() throws Exception {
        handle(purchase("u-1", "o-1", false));

        assertThat(sent).containsExactly(new EarnPurchasePoints("u-1", "o-1", AMOUNT, BOUGHT_AT));
    }

    @Test
    void thePointsAreThePolicysCommandsNotThoseOfTheFrontendThatReportedThePurchase() throws Exception {
        handle(registered("u-2", "u-1"));

        policy.handle(GenericEventMessage.asEventMessage(purchase("u-2", "o-1", true))
                                         .andMetaData(Map.of(AuditMetadata.PRINCIPAL, "shop-frontend",
                                                             AuditMetadata.SOURCE, AuditMetadata.API)));

        assertThat(sentMetaData).hasSize(2).allSatisfy(metaData -> assertThat(metaData)
                .containsEntry(AuditMetadata.PRINCIPAL, "policy:loyalty-points")
                .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SAGA));
    }

    @Test
    void theFirstPurchaseOfAReferredUserEarnsTheReferrerTheBonus() throws Exception {
        handle(registered("u-2", "u-1"));

        handle(purchase("u-2", "o-1", true));

        assertThat(sent).containsExactly(new EarnPurchasePoints("u-2", "o-1", AMOUNT, BOUGHT_AT),
                                         new EarnReferralBonus("u-1", "u-2", BOUGHT_AT));
        assertThat(referrals.referrerOf("u-2")).isEmpty();
    }

    @Test
    void laterPurchasesAndUsersWithoutReferrerEarnNoBonus() throws Exception {
        handle(registered("u-2", "u-1"));
        handle(registered("u-3", null));

        handle(purchase("u-2", "o-2", false));
        handle(purchase("u-3", "o-1", true));

        assertThat(sent).containsExactly(new EarnPurchasePoints("u-2", "o-2", AMOUNT, BOUGHT_AT),
                                         new EarnPurchasePoints("u-3", "o-1", AMOUNT, BOUGHT_AT));
    }

    @Test
    void aPurchaseWhosePointsWouldHaveExpiredByNowSendsNothing() throws Exception {
        handle(registered("u-2", "u-1"));
        now = PROGRAM.expiryOf(BOUGHT_AT);

        handle(purchase("u-2", "o-1", true));

        assertThat(sent).isEmpty();
        assertThat(referrals.referrerOf("u-2")).as("forgotten with the first purchase").isEmpty();
    }

    @Test
    void aReplaySendsNothing() throws Exception {
        TrackingToken atReset = new GlobalSequenceTrackingToken(100);
        EventMessage<?> replayed = new GenericTrackedEventMessage<>(
                ReplayToken.createReplayToken(atReset, new GlobalSequenceTrackingToken(9)),
                GenericEventMessage.asEventMessage(purchase("u-1", "o-1", false)));

        policy.handle(replayed);

        assertThat(sent).isEmpty();
    }

    @Test
    void theReferralIsForgottenOnlyWhenTheUnitOfWorkCommits() throws Exception {
        handle(registered("u-2", "u-1"));

        UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
        handle(purchase("u-2", "o-1", true));
        failed.rollback();
        assertThat(referrals.referrerOf("u-2")).contains("u-1");

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        handle(purchase("u-2", "o-1", true));
        committed.commit();
        assertThat(referrals.referrerOf("u-2")).isEmpty();
    }

    @Test
    void aCommandTheAggregateRefusesIsSkippedAndAnyOtherFailureFailsTheEvent() throws Exception {
        aggregate = command -> {
            throw new BusinessRuleViolation("amount", "refused");
        };
        handle(purchase("u-1", "o-1", false));

        aggregate = command -> {
            throw new IllegalStateException("store unavailable");
        };
        assertThatThrownBy(() -> handle(purchase("u-1", "o-2", false))).hasMessageContaining("store unavailable");
    }
}
