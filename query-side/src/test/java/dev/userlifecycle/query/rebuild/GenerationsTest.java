package dev.userlifecycle.query.rebuild;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.query.store.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aProjectionNeverRebuiltAnswersFromItsPlainCollections() {
        Generations generations = new Generations(database);

        assertThat(generations.name("user_profiles")).isEqualTo("user_profiles");
        assertThat(generations.name("analytics")).isEqualTo("analytics");
        assertThat(generations.generation(ReadModel.USER_FACTS)).isZero();
    }

    @Test
    void aSwitchMovesEveryCollectionOfTheProjectionAndNoOther() {
        Generations generations = new Generations(database);

        generations.switchTo(ReadModel.USER_FACTS, 3, Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(generations.name("user_facts")).isEqualTo("user_facts_g3");
        assertThat(generations.name("analytics")).isEqualTo("analytics_g3");
        assertThat(generations.name("user_profiles")).isEqualTo("user_profiles");
        assertThat(generations.name("layering_runs")).as("not a projection's").isEqualTo("layering_runs");
        assertThat(generations.collection("user_facts").getNamespace().getCollectionName()).isEqualTo("user_facts_g3");
    }

    @Test
    void anotherProcessFollowsTheSwitchFromTheRegistry() throws InterruptedException {
        Generations here = new Generations(database);
        Generations there = new Generations(database);
        assertThat(there.name("incidents")).isEqualTo("incidents");

        here.switchTo(ReadModel.INCIDENTS, 1, Instant.parse("2026-03-01T00:00:00Z"));
        Thread.sleep(Generations.REFRESH.toMillis() + 100);

        assertThat(there.name("incidents")).isEqualTo("incidents_g1");
        assertThat(there.name("incident_affected_users")).isEqualTo("incident_affected_users_g1");
        assertThat(new Generations(database).generation(ReadModel.INCIDENTS)).isEqualTo(1);
    }

    @Test
    void aCopyWritesItsOwnGenerationAndReadsEverythingElseWhereItAnswers() {
        Generations generations = new Generations(database);
        generations.switchTo(ReadModel.USER_PROFILES, 2, Instant.parse("2026-03-01T00:00:00Z"));

        ReadModels copy = generations.pinned(ReadModel.USER_FACTS, 1);

        assertThat(copy.name("user_facts")).isEqualTo("user_facts_g1");
        assertThat(copy.name("analytics")).isEqualTo("analytics_g1");
        assertThat(copy.name("user_profiles")).isEqualTo("user_profiles_g2");
        assertThat(generations.name("user_facts")).as("the live one is unmoved").isEqualTo("user_facts");
    }
}
