package dev.userlifecycle.query.points;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.FindPointsLedger;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsLedger;
import dev.userlifecycle.events.PointsLedgerEntry;
import dev.userlifecycle.events.PointsLedgerEntry.Kind;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.store.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The points ledger projection without Spring or Axon's processors: events in, document out, on an embedded MongoDB. */
class PointsLedgerProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00.123456789Z");

    private MongoServer server;
    private MongoClient client;
    private PointsLedgerProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoDatabase database = client.getDatabase("test");
        ReadModels readModels = new Generations(database);
        projection = new PointsLedgerProjection(readModels);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private PointsLedger ledger(String userId) {
        return projection.handle(new FindPointsLedger(userId, 500, null)).orElseThrow();
    }

    private void earnRedeemExpireAndChangeTier() {
        projection.on(new PointsEarned("u-1", 500, "purchase", "o-1", T0, T0.plusSeconds(86_400)), 3);
        projection.on(new PointsRedeemed("u-1", 120, "coupon", "r-1", T0.plusSeconds(60)), 4);
        projection.on(new PointsExpired("u-1", 80, T0.plusSeconds(120)), 5);
        projection.on(new LoyaltyTierChanged("u-1", LoyaltyTier.BRONZE, LoyaltyTier.SILVER, T0.plusSeconds(180)), 6);
    }

    @Test
    void aUserWithoutPointsEventsHasNoLedger() {
        assertThat(projection.handle(new FindPointsLedger("nobody", 50, null))).isEmpty();
    }

    @Test
    void entriesCarrySignedChangesAndTheRunningBalanceNewestFirst() {
        earnRedeemExpireAndChangeTier();

        PointsLedger ledger = ledger("u-1");
        assertThat(ledger.balance()).isEqualTo(300);
        assertThat(ledger.earnedTotal()).isEqualTo(500);
        assertThat(ledger.tier()).isEqualTo(LoyaltyTier.SILVER);
        assertThat(ledger.next()).isNull();
        assertThat(ledger.entries()).containsExactly(
                new PointsLedgerEntry(6, Kind.TIER_CHANGED, 0, 300, null, null, null, null, LoyaltyTier.BRONZE,
                                      LoyaltyTier.SILVER, T0.plusSeconds(180)),
                new PointsLedgerEntry(5, Kind.EXPIRED, -80, 300, null, null, null, null, null, null,
                                      T0.plusSeconds(120)),
                new PointsLedgerEntry(4, Kind.REDEEMED, -120, 380, "coupon", null, "r-1", null, null, null,
                                      T0.plusSeconds(60)),
                new PointsLedgerEntry(3, Kind.EARNED, 500, 500, "purchase", "o-1", null, T0.plusSeconds(86_400), null,
                                      null, T0));
    }

    @Test
    void pagesGoBackwardsFromBefore() {
        earnRedeemExpireAndChangeTier();

        PointsLedger first = projection.handle(new FindPointsLedger("u-1", 3, null)).orElseThrow();
        assertThat(first.entries()).extracting(PointsLedgerEntry::sequence).containsExactly(6L, 5L, 4L);
        assertThat(first.next()).isEqualTo(4L);

        PointsLedger second = projection.handle(new FindPointsLedger("u-1", 3, first.next())).orElseThrow();
        assertThat(second.entries()).extracting(PointsLedgerEntry::sequence).containsExactly(3L);
        assertThat(second.next()).isNull();
        assertThat(second.balance()).isEqualTo(300);
    }

    @Test
    void aFullLastPageHasNoNext() {
        earnRedeemExpireAndChangeTier();

        PointsLedger page = projection.handle(new FindPointsLedger("u-1", 2, 5L)).orElseThrow();

        assertThat(page.entries()).extracting(PointsLedgerEntry::sequence).containsExactly(4L, 3L);
        assertThat(page.next()).isNull();
    }

    @Test
    void redeliveringAnEventChangesNothing() {
        earnRedeemExpireAndChangeTier();
        PointsLedger before = ledger("u-1");

        projection.on(new PointsEarned("u-1", 500, "purchase", "o-1", T0, T0.plusSeconds(86_400)), 3);
        projection.on(new PointsRedeemed("u-1", 120, "coupon", "r-1", T0.plusSeconds(60)), 4);
        projection.on(new LoyaltyTierChanged("u-1", LoyaltyTier.BRONZE, LoyaltyTier.SILVER, T0.plusSeconds(180)), 6);

        assertThat(ledger("u-1")).isEqualTo(before);
    }

    @Test
    void resetDropsEveryLedger() {
        earnRedeemExpireAndChangeTier();
        projection.reset();
        assertThat(projection.handle(new FindPointsLedger("u-1", 50, null))).isEmpty();

        projection.on(new PointsEarned("u-1", 10, "welcome", "w-1", T0, null), 1);
        assertThat(ledger("u-1").balance()).isEqualTo(10);
        assertThat(ledger("u-1").tier()).isEqualTo(LoyaltyTier.BRONZE);
    }
}
