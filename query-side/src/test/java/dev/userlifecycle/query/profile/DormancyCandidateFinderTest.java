package dev.userlifecycle.query.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.DormancyCandidates;
import dev.userlifecycle.events.FindDormancyCandidates;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dormancy candidates of the profiles on an embedded MongoDB, the profiles written by their projection. */
class DormancyCandidateFinderTest {

    private static final Duration PERIOD = Duration.ofDays(30);
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant CUTOFF = AS_OF.minus(PERIOD);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private UserProfileProjection projection;
    private DormancyCandidateFinder finder;
    private long position;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
        ReadModels readModels = new Generations(database);
        projection = new UserProfileProjection(readModels, SimpleQueryUpdateEmitter.builder().build());
        finder = new DormancyCandidateFinder(readModels);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void activeUsersWhoseLastActivityIsAtOrBeforeTheCutoffAreCandidates() {
        activeSince("u-at-cutoff", CUTOFF);
        activeSince("u-long-ago", CUTOFF.minus(Duration.ofDays(90)));
        activeSince("u-fraction-after", CUTOFF.plusNanos(1_000_000));
        activeSince("u-recent", CUTOFF.minus(Duration.ofDays(10)));
        lastActive("u-recent", CUTOFF.plus(Duration.ofDays(5)), 2);
        registeredOnly("u-registered");
        activeSince("u-dormant", CUTOFF.minus(Duration.ofDays(90)));
        projection.on(new UserWentDormant("u-dormant", CUTOFF.minus(Duration.ofDays(90)),
                                          CUTOFF.minus(Duration.ofDays(60))), 2, next());

        DormancyCandidates page = finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, null, 10));

        assertThat(page.userIds()).containsExactly("u-at-cutoff", "u-long-ago");
        assertThat(page.lastPage()).isTrue();
    }

    @Test
    void pagesFollowEachOtherInIdOrder() {
        for (String id : List.of("u-c", "u-a", "u-e", "u-b", "u-d")) {
            activeSince(id, CUTOFF.minus(Duration.ofDays(1)));
        }

        DormancyCandidates first = finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, null, 2));
        DormancyCandidates second = finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, "u-b", 2));
        DormancyCandidates third = finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, "u-d", 2));

        assertThat(first.userIds()).containsExactly("u-a", "u-b");
        assertThat(first.lastPage()).isFalse();
        assertThat(second.userIds()).containsExactly("u-c", "u-d");
        assertThat(second.lastPage()).isFalse();
        assertThat(third.userIds()).containsExactly("u-e");
        assertThat(third.lastPage()).isTrue();
    }

    @Test
    void aFirstPageReadsTheProfilesAgainAndAContinuationOfAnotherAsOfToo() {
        activeSince("u-a", CUTOFF.minus(Duration.ofDays(1)));
        activeSince("u-b", CUTOFF.minus(Duration.ofDays(1)));
        assertThat(finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, null, 1)).userIds())
                .containsExactly("u-a");

        activeSince("u-c", CUTOFF.minus(Duration.ofDays(1)));
        lastActive("u-b", AS_OF, 2);

        assertThat(finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, null, 10)).userIds())
                .containsExactly("u-a", "u-c");
        assertThat(finder.handle(new FindDormancyCandidates(AS_OF.plusSeconds(1), PERIOD, "u-a", 10)).userIds())
                .containsExactly("u-c");
    }

    @Test
    void aContinuationAfterAnIdThatIsNoCandidateStartsAtTheNextGreaterOne() {
        activeSince("u-a", CUTOFF);
        activeSince("u-c", CUTOFF);

        assertThat(finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, "u-b", 10)).userIds())
                .containsExactly("u-c");
    }

    /** Not a limit, a measurement: what a sweep's scan costs on 100 k profiles of the embedded server. */
    @Test
    void oneHundredThousandProfiles() {
        int users = 100_000;
        List<Document> profiles = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            Instant lastActiveAt = CUTOFF.plus(Duration.ofHours(i % 2 == 0 ? -i : i));
            profiles.add(new Document("_id", "u-%06d".formatted(i)).append("status", "ACTIVE")
                                 .append("lastActiveAt", lastActiveAt.toString()).append("purchaseCount", 3L)
                                 .append("registeredAt", lastActiveAt.minus(Duration.ofDays(400)).toString()));
        }
        database.getCollection(UserProfileProjection.COLLECTION).insertMany(profiles);

        long started = System.nanoTime();
        List<String> candidates = new ArrayList<>();
        DormancyCandidates page = finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, null, 1000));
        long firstPage = System.nanoTime() - started;
        candidates.addAll(page.userIds());
        while (!page.lastPage()) {
            page = finder.handle(new FindDormancyCandidates(AS_OF, PERIOD, candidates.get(candidates.size() - 1),
                                                            1000));
            candidates.addAll(page.userIds());
        }
        long all = System.nanoTime() - started;

        assertThat(candidates).hasSize(users / 2).isSorted();
        System.out.printf("dormancy candidates of %d profiles: first page %d ms, all %d pages %d ms%n", users,
                          firstPage / 1_000_000, candidates.size() / 1000, all / 1_000_000);
    }

    private void registeredOnly(String userId) {
        projection.on(new UserRegistered(userId, new AcquisitionChannel("app-store", "cpc", "spring"), null,
                                         "CN-31", null, null, CUTOFF.minus(Duration.ofDays(365))), 0, next());
    }

    private void activeSince(String userId, Instant activatedAt) {
        registeredOnly(userId);
        projection.on(new UserActivated(userId, activatedAt), 1, next());
    }

    private void lastActive(String userId, Instant at, long sequence) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        projection.on(new UserActiveOnDay(userId, day, ActivityKind.LOGIN, at), sequence, next());
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(position++);
    }
}
