package dev.userlifecycle.query.points;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.FindPointsExpiryCandidates;
import dev.userlifecycle.events.LoyaltyReviewScheduled;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpiryCandidates;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.store.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The users due for the points expiry sweep, from ledgers the projection writes on an embedded MongoDB. */
class PointsExpiryCandidateFinderTest {

    private static final Instant AS_OF = Instant.parse("2027-03-01T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private PointsLedgerProjection projection;
    private PointsExpiryCandidateFinder finder;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoDatabase database = client.getDatabase("test");
        ReadModels readModels = new Generations(database);
        projection = new PointsLedgerProjection(readModels);
        finder = new PointsExpiryCandidateFinder(readModels);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void reviewDue(String userId, Instant reviewAt) {
        Instant earnedAt = AS_OF.minus(Duration.ofDays(400));
        projection.on(new PointsEarned(userId, 100, "purchase", "order:o-1", earnedAt, reviewAt), 1);
        projection.on(new LoyaltyReviewScheduled(userId, reviewAt, earnedAt), 2);
    }

    @Test
    void theUsersWhoseReviewIsDueByTheTimeAreNamedInIdOrder() {
        reviewDue("u-c", AS_OF.minusSeconds(1));
        reviewDue("u-a", AS_OF);
        reviewDue("u-b", AS_OF.plusMillis(1));
        reviewDue("u-d", AS_OF.minus(Duration.ofDays(90)));

        assertThat(finder.handle(new FindPointsExpiryCandidates(AS_OF, null, 10)))
                .isEqualTo(new PointsExpiryCandidates(List.of("u-a", "u-c", "u-d"), true));
    }

    @Test
    void aReviewMovedLaterOrClearedNamesTheUserNoMore() {
        reviewDue("u-a", AS_OF.minusSeconds(1));
        reviewDue("u-b", AS_OF.minusSeconds(1));
        projection.on(new LoyaltyReviewScheduled("u-a", AS_OF.plus(Duration.ofDays(30)), AS_OF), 3);
        projection.on(new LoyaltyReviewScheduled("u-b", null, AS_OF), 3);

        assertThat(finder.handle(new FindPointsExpiryCandidates(AS_OF, null, 10)).userIds()).isEmpty();
    }

    @Test
    void pagesFollowTheLastIdOfThePageBefore() {
        for (String userId : List.of("u-e", "u-b", "u-d", "u-a", "u-c")) {
            reviewDue(userId, AS_OF.minusSeconds(60));
        }

        List<String> seen = new ArrayList<>();
        PointsExpiryCandidates page = finder.handle(new FindPointsExpiryCandidates(AS_OF, null, 2));
        seen.addAll(page.userIds());
        while (!page.lastPage()) {
            page = finder.handle(new FindPointsExpiryCandidates(AS_OF, seen.get(seen.size() - 1), 2));
            seen.addAll(page.userIds());
        }

        assertThat(seen).containsExactly("u-a", "u-b", "u-c", "u-d", "u-e");
    }

    @Test
    void theLedgerKeepsTheReviewTimeThroughARoundTrip() {
        reviewDue("u-a", AS_OF);
        projection.on(new PointsEarned("u-a", 5, "purchase", "order:o-2", AS_OF, AS_OF.plusSeconds(60)), 3);

        assertThat(finder.handle(new FindPointsExpiryCandidates(AS_OF, null, 10)).userIds()).containsExactly("u-a");
    }
}
