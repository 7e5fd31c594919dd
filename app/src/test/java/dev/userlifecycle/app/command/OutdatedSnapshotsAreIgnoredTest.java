package dev.userlifecycle.app.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userlifecycle.app.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot of a {@code User} taken before its state changed shape (no {@code @Revision}, or an older one) is not
 * used: the user is rebuilt from the events, so state the old snapshot lacked, or got wrong, cannot leak into a
 * decision. Aggregates are not cached here, so every command loads the user from the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=snapshots_${random.uuid}", "lifecycle.roles=command,query",
                "lifecycle.command.snapshot-threshold=3", "lifecycle.command.cache-aggregates=false"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutdatedSnapshotsAreIgnoredTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MongoDatabase database;

    @Test
    void aSnapshotOfAnOlderRevisionIsIgnoredAndTheUserIsRebuiltFromItsEvents() throws InterruptedException {
        Http http = new Http(rest);
        String userId = "snap-" + UUID.randomUUID();
        assertThat(http.post("/api/v1/users", "{\"userId\": \"" + userId + "\", \"channel\": {\"source\": \"ads\"}}")
                       .status()).isEqualTo(201);
        for (int order = 1; order <= 4; order++) {
            assertThat(http.post("/api/v1/users/" + userId + "/purchases", "{\"orderId\": \"o-" + order + "\","
                    + " \"amount\": {\"amount\": \"10.00\", \"currency\": \"CNY\"}}").status()).isEqualTo(201);
        }
        Document snapshot = awaitSnapshot(userId);
        assertThat(snapshot.getString("payloadRevision")).isEqualTo("3");

        String inflated = snapshot.getString("payload").replaceFirst("\"balance\":\\d+", "\"balance\":1000000");
        assertThat(inflated).as("a snapshot with a balance").isNotEqualTo(snapshot.getString("payload"));
        streams().updateOne(Filters.eq("_id", userId), Updates.combine(
                Updates.set("snapshot.payload", inflated), Updates.unset("snapshot.payloadRevision")));

        assertThat(http.post("/api/v1/users/" + userId + "/points/redemptions",
                             "{\"points\": 500, \"reason\": \"voucher\"}").status())
                .as("a redemption judged by the events, which earned no points without the sagas role")
                .isEqualTo(422);
    }

    private Document awaitSnapshot(String userId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Document stream = streams().find(Filters.eq("_id", userId)).first();
            if (stream != null && stream.get("snapshot") != null) {
                return stream.get("snapshot", Document.class);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no snapshot of " + userId + " within 10 s");
    }

    private MongoCollection<Document> streams() {
        return database.getCollection("event_streams");
    }
}
