package dev.userlifecycle.query.analytics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.FindWakeUpFunnel;
import dev.userlifecycle.events.IncidentView;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.retention.ChurnCounts;
import dev.userlifecycle.query.retention.RandomWinBacks;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.WakeUpFunnels;
import dev.userlifecycle.query.retention.WinBackFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The wake-up funnel and churn documents on an embedded MongoDB: written as facts change, rebuilt, queried. */
class WinBackDocumentsTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final List<WinBackFacts> USERS = RandomWinBacks.generate(21, 300, FIRST_DAY, 90);
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AnalyticsStore store;
    private ReadModels readModels;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
        readModels = new Generations(database);
        store = new AnalyticsStore(readModels);
        for (WinBackFacts user : USERS) {
            UserFacts registration = new UserFacts(user.userId(), user.registeredDay(), UserFacts.NONE,
                                                   new int[]{user.registeredDay()}, new int[0], new long[0], null);
            StoredFacts stored = StoredFacts.of(registration, UserFacts.NONE, user, 5);
            database.getCollection(StoredFacts.COLLECTION).insertOne(stored.toDocument());
            store.replaced(null, stored);
        }
        store.flush();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theFunnelAnsweredFromTheDocumentsEqualsTheDirectComputation() {
        AnalyticsQueries queries = new AnalyticsQueries(readModels, Clock.systemUTC(), ZoneOffset.UTC, "CNY");
        LocalDate from = FIRST_DAY.plusDays(20);
        LocalDate to = FIRST_DAY.plusDays(75);

        assertThat(queries.handle(new FindWakeUpFunnel(from, to))).isEqualTo(WakeUpFunnels.compute(USERS, from, to));
        assertThat(queries.handle(new FindWakeUpFunnel(null, null)))
                .isEqualTo(WakeUpFunnels.compute(USERS, null, null));
        assertThat(queries.handle(new FindWakeUpFunnel(to.plusYears(1), null)).entered()).isZero();
    }

    @Test
    void theChurnComparisonEqualsTheDirectComputation() {
        ChurnReader reader = new ChurnReader(readModels, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        Random random = new Random(2);
        for (int incident = 0; incident < 10; incident++) {
            LocalDate declared = FIRST_DAY.plusDays(random.nextInt(120));
            Set<String> affected = new TreeSet<>();
            for (int i = 0; i < 25; i++) {
                affected.add("u-" + random.nextInt(USERS.size()));
            }

            IncidentView.ChurnComparison churn = reader.churn(declared.atTime(9, 30).toInstant(ZoneOffset.UTC),
                                                              affected);

            ChurnCounts direct = ChurnCounts.compute(USERS, affected, (int) declared.toEpochDay());
            assertThat(churn.affected()).isEqualTo(new IncidentView.Group(direct.affected(), direct.affectedDormant(),
                                                                         direct.affectedRate()));
            assertThat(churn.unaffected()).isEqualTo(new IncidentView.Group(
                    direct.unaffected(), direct.unaffectedDormant(), direct.unaffectedRate()));
            assertThat(churn.difference()).isEqualTo(direct.difference());
            assertThat(churn.firstDay()).isEqualTo(declared.plusDays(1));
            assertThat(churn.lastDay()).isEqualTo(declared.plusDays(30));
            Instant endsAt = declared.plusDays(31).atStartOfDay().toInstant(ZoneOffset.UTC);
            assertThat(churn.windowEndsAt()).isEqualTo(endsAt);
            assertThat(churn.windowClosed()).isEqualTo(!NOW.isBefore(endsAt));
        }
    }

    @Test
    void documentsWrittenAlongTheWayEqualTheDocumentsRebuiltFromTheFacts() {
        List<Document> alongTheWay = analytics();
        assertThat(alongTheWay).extracting(document -> document.getString("_id"))
                               .anyMatch(id -> id.startsWith("wakeup:"))
                               .anyMatch(id -> id.startsWith("dormancy:"))
                               .contains(AnalyticsDocuments.WAKE_UP_DAYS, AnalyticsDocuments.REGISTRATIONS);

        database.getCollection(AnalyticsDocuments.COLLECTION).drop();
        new AnalyticsStore(readModels).flush();

        assertThat(analytics()).isEqualTo(alongTheWay);
    }

    private List<Document> analytics() {
        return database.getCollection(AnalyticsDocuments.COLLECTION).find().sort(new Document("_id", 1))
                       .into(new ArrayList<>());
    }
}
