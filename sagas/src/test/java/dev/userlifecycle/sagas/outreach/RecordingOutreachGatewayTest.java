package dev.userlifecycle.sagas.outreach;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The recording adapter on an embedded MongoDB. */
class RecordingOutreachGatewayTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

    private MongoServer server;
    private MongoClient client;
    private MovableClock clock;
    private RecordingOutreachGateway gateway;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        clock = new MovableClock(T0);
        gateway = new RecordingOutreachGateway(client.getDatabase("test"), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static OutreachMessage message(String sagaId, String step, String userId, String campaignId) {
        return OutreachMessage.of(sagaId, step, userId, campaignId, Channel.SMS, "wake-up-" + step,
                                  Map.of("coupon", "SPRING10"), T0);
    }

    @Test
    void sameStepSentTwiceIsRecordedOnce() {
        OutreachReceipt first = gateway.send(message("saga-1", "day-1", "u-1", "wake-up"));
        clock.advance(Duration.ofMinutes(5));
        OutreachReceipt second = gateway.send(message("saga-1", "day-1", "u-1", "wake-up"));

        assertThat(first.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(second.status()).isEqualTo(OutreachReceipt.Status.ALREADY_DELIVERED);
        assertThat(second.key()).isEqualTo("saga-1:day-1").isEqualTo(first.key());
        assertThat(second.at()).as("the first recording's time").isEqualTo(T0);
        assertThat(gateway.list(null, null, 10)).singleElement().satisfies(recorded -> {
            assertThat(recorded.idempotencyKey()).isEqualTo("saga-1:day-1");
            assertThat(recorded.userId()).isEqualTo("u-1");
            assertThat(recorded.channel()).isEqualTo(Channel.SMS);
            assertThat(recorded.template()).isEqualTo("wake-up-day-1");
            assertThat(recorded.parameters()).containsExactly(Map.entry("coupon", "SPRING10"));
            assertThat(recorded.occurredAt()).isEqualTo(T0);
            assertThat(recorded.recordedAt()).isEqualTo(T0);
        });
    }

    @Test
    void anotherStepOfTheSameSagaIsAnotherMessage() {
        gateway.send(message("saga-1", "day-1", "u-1", "wake-up"));
        OutreachReceipt next = gateway.send(message("saga-1", "day-3", "u-1", "wake-up"));

        assertThat(next.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(gateway.list("u-1", null, 10)).hasSize(2);
    }

    @Test
    void listingByUserAnswersThatUsersMessagesNewestFirst() {
        gateway.send(message("saga-1", "day-1", "u-1", "wake-up"));
        clock.advance(Duration.ofSeconds(1));
        gateway.send(message("saga-2", "day-1", "u-2", "wake-up"));
        clock.advance(Duration.ofSeconds(1));
        gateway.send(message("saga-1", "day-3", "u-1", "wake-up"));
        clock.advance(Duration.ofSeconds(1));
        gateway.send(message("saga-3", "apology", "u-1", "incident-7"));

        assertThat(gateway.list("u-1", null, 10)).extracting(RecordedOutreach::idempotencyKey)
                                                 .containsExactly("saga-3:apology", "saga-1:day-3", "saga-1:day-1");
        assertThat(gateway.list("u-1", "wake-up", 10)).extracting(RecordedOutreach::idempotencyKey)
                                                      .containsExactly("saga-1:day-3", "saga-1:day-1");
        assertThat(gateway.list(null, null, 2)).extracting(RecordedOutreach::idempotencyKey)
                                               .containsExactly("saga-3:apology", "saga-1:day-3");
        assertThat(gateway.list("nobody", null, 10)).isEmpty();
    }

    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
