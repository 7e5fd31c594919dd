package dev.userlifecycle.query.analytics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.FindKpis;
import dev.userlifecycle.events.FindLifecycle;
import dev.userlifecycle.events.FindRetention;
import dev.userlifecycle.events.GrowthKpis;
import dev.userlifecycle.events.LifecycleView;
import dev.userlifecycle.events.RetentionTable;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.retention.CohortBasis;
import dev.userlifecycle.query.retention.CohortTable;
import dev.userlifecycle.query.retention.Granularity;
import dev.userlifecycle.query.retention.Kpis;
import dev.userlifecycle.query.retention.LifecycleComposition;
import dev.userlifecycle.query.retention.RandomUsers;
import dev.userlifecycle.query.retention.RetentionMode;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The precomputed documents on an embedded MongoDB: written as facts change, rebuilt from the facts, queried. */
class AnalyticsStoreTest {

    private static final List<UserFacts> USERS = RandomUsers.generate(5, 400, LocalDate.of(2026, 1, 5), 90);
    private static final Map<String, UserFacts> BY_ID =
            USERS.stream().collect(Collectors.toMap(UserFacts::userId, Function.identity()));

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AnalyticsStore store;
    private AnalyticsQueries queries;
    private ReadModels readModels;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
        readModels = new Generations(database);
        store = new AnalyticsStore(readModels);
        queries = new AnalyticsQueries(readModels, Clock.systemUTC(), ZoneOffset.UTC, "CNY");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void documentsWrittenAlongTheWayEqualTheDocumentsRebuiltFromTheFactsAfterARestart() {
        storeEveryUserAsTheProjectionWould();
        store.flush();
        List<Document> alongTheWay = analytics();

        database.getCollection(AnalyticsDocuments.COLLECTION).drop();
        new AnalyticsStore(readModels).flush();

        assertThat(analytics()).isEqualTo(alongTheWay);
    }

    @Test
    void aFailedWriteMakesTheStoreRebuildFromTheFactsBeforeTheNextOne() {
        storeEveryUserAsTheProjectionWould();
        store.flush();
        UserFacts someone = USERS.get(0);
        int laterDay = (int) LocalDate.of(2026, 6, 1).toEpochDay();
        int[] days = Arrays.copyOf(someone.activeDays(), someone.activeDays().length + 1);
        days[days.length - 1] = laterDay;
        UserFacts laterActive = new UserFacts(someone.userId(), someone.registeredDay(), someone.activatedDay(), days,
                                              someone.purchaseDays(), someone.purchaseAmounts(), someone.referrerId());
        // the write reached MongoDB, but its acknowledgement was lost: the store never heard of it
        facts().replaceOne(new Document("_id", someone.userId()),
                           StoredFacts.of(laterActive, referrerDay(someone), 4).toDocument());

        store.writeFailed();
        store.beforeWrite();
        store.flush();
        List<Document> recovered = analytics();

        database.getCollection(AnalyticsDocuments.COLLECTION).drop();
        new AnalyticsStore(readModels).flush();
        assertThat(recovered).isEqualTo(analytics());
        assertThat(recovered.stream().filter(d -> d.get("_id").equals("meta")).findFirst().orElseThrow()
                            .getString("lastDay")).isEqualTo("2026-06-01");
    }

    @Test
    void retentionLifecycleAndKpisAreAnsweredAsTheDirectComputationsAnswer() {
        storeEveryUserAsTheProjectionWould();
        store.flush();
        LocalDate asOf = USERS.stream().map(u -> LocalDate.ofEpochDay(u.activeDays()[u.activeDays().length - 1]))
                              .max(LocalDate::compareTo).orElseThrow();
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);

        RetentionTable table = queries.handle(new FindRetention("first-purchase", "week", "day", "on-or-after", from, to));
        CohortTable expected = CohortTable.compute(USERS, CohortBasis.FIRST_PURCHASE, Granularity.WEEK, Granularity.DAY,
                                                   RetentionMode.ON_OR_AFTER, from, to, asOf);
        assertThat(table.asOf()).isEqualTo(asOf);
        assertThat(table.rows()).hasSameSizeAs(expected.rows());
        for (int row = 0; row < expected.rows().size(); row++) {
            assertThat(table.rows().get(row).retained()).isEqualTo(expected.rows().get(row).retained());
            assertThat(table.rows().get(row).rates()).isEqualTo(expected.rows().get(row).rates());
        }

        LifecycleView lifecycle = queries.handle(new FindLifecycle("month", from, asOf));
        LifecycleComposition composition = LifecycleComposition.compute(USERS, Granularity.MONTH, from, asOf);
        assertThat(lifecycle.intervals()).extracting(LifecycleView.LifecycleCounts::dormant)
                                         .isEqualTo(composition.intervals().stream().map(i -> i.dormant()).toList());

        GrowthKpis kpis = queries.handle(new FindKpis(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        Kpis direct = Kpis.compute(USERS, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        assertThat(kpis.activeUsers()).isEqualTo(direct.activeUsers());
        assertThat(kpis.repeatPurchaseRate()).isEqualTo(direct.repeatPurchaseRate());
        assertThat(kpis.averageOrderValue().amount()).isEqualTo(direct.averageOrderValue());
    }

    @Test
    void withoutAnyUserTheAnswersAreEmptyNotErrors() {
        store.flush();

        assertThat(queries.handle(new FindRetention("registration", "week", "week", "on", null, null)).rows()).isEmpty();
        assertThat(queries.handle(new FindKpis(null, null)).activeUsers()).isZero();
        assertThat(queries.handle(new FindLifecycle("week", null, null)).intervals()).allSatisfy(
                interval -> assertThat(interval.newUsers()).isZero());
    }

    private void storeEveryUserAsTheProjectionWould() {
        for (UserFacts user : USERS) {
            StoredFacts stored = StoredFacts.of(user, referrerDay(user), 3);
            facts().insertOne(stored.toDocument());
            store.replaced(null, stored);
        }
    }

    private static int referrerDay(UserFacts user) {
        return user.referrerId() == null ? UserFacts.NONE : BY_ID.get(user.referrerId()).registeredDay();
    }

    private MongoCollection<Document> facts() {
        return database.getCollection(StoredFacts.COLLECTION);
    }

    private List<Document> analytics() {
        return database.getCollection(AnalyticsDocuments.COLLECTION).find().sort(new Document("_id", 1))
                       .into(new ArrayList<>());
    }
}
