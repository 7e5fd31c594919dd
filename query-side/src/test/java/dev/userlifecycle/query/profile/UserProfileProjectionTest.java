package dev.userlifecycle.query.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.ReferralRecorded;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserProfile;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserStatus;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile projection without Spring or Axon's processors: events in, document out, on an embedded MongoDB. */
class UserProfileProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00.123456789Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private UserProfileProjection projection;
    private long position;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
        ReadModels readModels = new Generations(database);
        projection = new UserProfileProjection(readModels, SimpleQueryUpdateEmitter.builder().build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(position++);
    }

    private UserProfile profile(String userId) {
        return projection.handle(new FindUserProfile(userId)).orElseThrow();
    }

    private void register(String userId, long sequence) {
        projection.on(new UserRegistered(userId, new AcquisitionChannel("app-store", "cpc", "spring"), null, "CN-31",
                                         null, null, T0), sequence, next());
    }

    @Test
    void anUnknownUserHasNoProfile() {
        assertThat(projection.handle(new FindUserProfile("nobody"))).isEmpty();
    }

    @Test
    void registrationAndActivationMakeAnActiveProfile() {
        register("u-1", 0);
        projection.on(new UserActivated("u-1", T0.plusSeconds(60)), 1, next());

        UserProfile profile = profile("u-1");
        assertThat(profile.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(profile.registeredAt()).isEqualTo(T0);
        assertThat(profile.activatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(profile.lastActiveAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(profile.purchaseCount()).isZero();
        assertThat(profile.totalSpent()).isNull();
        assertThat(profile.averageOrderValue()).isNull();
        assertThat(profile.loyaltyTier()).isEqualTo(LoyaltyTier.BRONZE);
        assertThat(profile.layer()).isNull();
        assertThat(profile.rfm()).isNull();
        assertThat(profile.position()).isEqualTo(1L);
    }

    @Test
    void purchasesSumAndAverageHalfUp() {
        register("u-1", 0);
        projection.on(new UserActivated("u-1", T0), 1, next());
        projection.on(new PurchaseMade("u-1", "o-1", Money.of("10.00", "CNY"), T0.plusSeconds(10), true), 2, next());
        projection.on(new PurchaseMade("u-1", "o-2", Money.of("10.00", "CNY"), T0.plusSeconds(20), false), 3, next());
        projection.on(new PurchaseMade("u-1", "o-3", Money.of("0.01", "CNY"), T0.plusSeconds(30), false), 4, next());

        UserProfile profile = profile("u-1");
        assertThat(profile.purchaseCount()).isEqualTo(3);
        assertThat(profile.totalSpent()).isEqualTo(Money.of("20.01", "CNY"));
        assertThat(profile.averageOrderValue()).isEqualTo(Money.of("6.67", "CNY"));
        assertThat(profile.lastActiveAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void redeliveringAnEventChangesNothing() {
        register("u-1", 0);
        PurchaseMade purchase = new PurchaseMade("u-1", "o-1", Money.of("12.50", "CNY"), T0, true);
        projection.on(purchase, 1, next());
        projection.on(new PointsEarned("u-1", 100, "purchase", "o-1", T0, null), 2, next());
        UserProfile before = profile("u-1");

        projection.on(purchase, 1, next());
        projection.on(new PointsEarned("u-1", 100, "purchase", "o-1", T0, null), 2, next());
        register("u-1", 0);

        assertThat(profile("u-1")).isEqualTo(before);
        assertThat(before.purchaseCount()).isEqualTo(1);
        assertThat(before.pointsBalance()).isEqualTo(100);
    }

    @Test
    void dormancyAndReactivation() {
        register("u-1", 0);
        projection.on(new UserActivated("u-1", T0), 1, next());
        projection.on(new UserActiveOnDay("u-1", LocalDate.of(2026, 3, 2), ActivityKind.LOGIN, T0.plusSeconds(86_400)),
                      2, next());
        projection.on(new UserWentDormant("u-1", T0.plusSeconds(86_400), T0.plusSeconds(40 * 86_400)), 3, next());
        assertThat(profile("u-1").status()).isEqualTo(UserStatus.DORMANT);
        assertThat(profile("u-1").lastActiveAt()).isEqualTo(T0.plusSeconds(86_400));

        projection.on(new UserReactivated("u-1", "c-1", T0.plusSeconds(45 * 86_400)), 4, next());

        UserProfile profile = profile("u-1");
        assertThat(profile.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(profile.lastActiveAt()).isEqualTo(T0.plusSeconds(45 * 86_400));
        assertThat(profile.activatedAt()).isEqualTo(T0);
    }

    @Test
    void referralsCountOnTheReferrerAndOnlyOnce() {
        register("referrer", 0);
        register("friend-1", 0);
        register("friend-2", 0);
        ReferralRecorded first = new ReferralRecorded("referrer", "friend-1", T0);
        projection.on(first, 1, next());
        projection.on(new ReferralRecorded("referrer", "friend-2", T0), 2, next());
        projection.on(first, 1, next());

        assertThat(profile("referrer").referrals()).isEqualTo(2);
        assertThat(profile("friend-1").referrals()).isZero();
    }

    @Test
    void pointsAndTier() {
        register("u-1", 0);
        projection.on(new PointsEarned("u-1", 500, "purchase", "o-1", T0, null), 1, next());
        projection.on(new PointsRedeemed("u-1", 120, "coupon", "r-1", T0), 2, next());
        projection.on(new PointsExpired("u-1", 80, T0), 3, next());
        projection.on(new LoyaltyTierChanged("u-1", LoyaltyTier.BRONZE, LoyaltyTier.SILVER, T0), 4, next());

        UserProfile profile = profile("u-1");
        assertThat(profile.pointsBalance()).isEqualTo(300);
        assertThat(profile.loyaltyTier()).isEqualTo(LoyaltyTier.SILVER);
        assertThat(profile.position()).isEqualTo(4L);
    }

    @Test
    void resetDropsEveryProfile() {
        register("u-1", 0);
        projection.reset();
        assertThat(projection.handle(new FindUserProfile("u-1"))).isEmpty();
        register("u-1", 0);
        assertThat(profile("u-1").status()).isEqualTo(UserStatus.REGISTERED);
    }
}
