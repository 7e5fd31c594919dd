package dev.userlifecycle.sagas.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.Channel;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook adapter against a local HTTP server that answers what each test scripts. */
class WebhookOutreachGatewayTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");
    private static final Duration BACKOFF = Duration.ofMillis(200);

    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();

    private HttpServer webhook;
    private ExecutorService webhookThreads;
    private MongoServer mongo;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookThreads = Executors.newCachedThreadPool();
        webhook.setExecutor(webhookThreads);
        webhook.createContext("/hook", this::answer);
        webhook.start();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
        webhookThreads.shutdownNow();
        client.close();
        mongo.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                                  exchange.getRequestHeaders().getFirst("Content-Type"),
                                  new String(body, StandardCharsets.UTF_8)));
        Answer answer = script.isEmpty() ? new Answer(200, Duration.ZERO) : script.poll();
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    private void willAnswer(int status) {
        script.add(new Answer(status, Duration.ZERO));
    }

    private WebhookOutreachGateway gateway(Duration timeout, int attempts) {
        URI url = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        return new WebhookOutreachGateway(database, new WebhookSettings(url, timeout, attempts, BACKOFF),
                                          Clock.fixed(T0, ZoneOffset.UTC), pauses::add);
    }

    private WebhookOutreachGateway gateway() {
        return gateway(Duration.ofSeconds(2), 4);
    }

    private static OutreachMessage message(String step) {
        return OutreachMessage.of("saga-1", step, "u-1", "wake-up", Channel.PUSH, "wake-up-" + step,
                                  Map.of("coupon", "SPRING10"), T0);
    }

    private Document ledger(String key) {
        return new DeliveryLedger(database).find(key).orElseThrow();
    }

    @Test
    void aMessageIsPostedAsJsonWithItsIdempotencyKey() throws IOException {
        OutreachReceipt receipt = gateway().send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(receipt.attempts()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.idempotencyKey()).isEqualTo("saga-1:day-1");
            assertThat(request.contentType()).isEqualTo("application/json");
        });
        JsonNode body = new ObjectMapper().readTree(received.get(0).body());
        assertThat(body.path("idempotencyKey").asText()).isEqualTo("saga-1:day-1");
        assertThat(body.path("userId").asText()).isEqualTo("u-1");
        assertThat(body.path("campaignId").asText()).isEqualTo("wake-up");
        assertThat(body.path("step").asText()).isEqualTo("day-1");
        assertThat(body.path("channel").asText()).isEqualTo("PUSH");
        assertThat(body.path("template").asText()).isEqualTo("wake-up-day-1");
        assertThat(body.path("parameters").path("coupon").asText()).isEqualTo("SPRING10");
        assertThat(body.path("occurredAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(ledger("saga-1:day-1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aServiceUnavailableThenOkIsDeliveredAfterTwoAttempts() {
        willAnswer(503);
        willAnswer(200);

        OutreachReceipt receipt = gateway().send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(received).hasSize(2).extracting(Received::idempotencyKey).containsOnly("saga-1:day-1");
        assertThat(pauses).containsExactly(BACKOFF);
    }

    @Test
    void aServerThatAlwaysFailsIsRecordedFailedAfterTheConfiguredAttemptsWithGrowingPauses() {
        for (int i = 0; i < 4; i++) {
            willAnswer(500);
        }

        OutreachReceipt receipt = gateway().send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.FAILED);
        assertThat(receipt.attempts()).isEqualTo(4);
        assertThat(receipt.reason()).isEqualTo("HTTP 500");
        assertThat(received).hasSize(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        Document entry = ledger("saga-1:day-1");
        assertThat(entry.getString("status")).isEqualTo("FAILED");
        assertThat(entry.getInteger("attempts")).isEqualTo(4);
        assertThat(entry.getString("lastError")).isEqualTo("HTTP 500");
    }

    @Test
    void aSlowServerBeyondTheTimeoutCountsAsAFailedAttempt() {
        script.add(new Answer(200, Duration.ofSeconds(3)));
        willAnswer(200);

        OutreachReceipt receipt = gateway(Duration.ofMillis(300), 2).send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(received).hasSize(2);
    }

    @Test
    void aServerThatStaysSlowFailsWithATimeoutReason() {
        script.add(new Answer(200, Duration.ofSeconds(3)));

        OutreachReceipt receipt = gateway(Duration.ofMillis(300), 1).send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.FAILED);
        assertThat(receipt.reason()).startsWith("no answer within");
    }

    @Test
    void aBadRequestIsNotRetried() {
        willAnswer(400);

        OutreachReceipt receipt = gateway().send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.FAILED);
        assertThat(receipt.attempts()).isEqualTo(1);
        assertThat(receipt.reason()).isEqualTo("HTTP 400");
        assertThat(received).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void tooManyRequestsIsRetried() {
        willAnswer(429);

        OutreachReceipt receipt = gateway().send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(receipt.attempts()).isEqualTo(2);
    }

    @Test
    void sendingTheSameKeyTwicePostsOnce() {
        WebhookOutreachGateway gateway = gateway();

        OutreachReceipt first = gateway.send(message("day-1"));
        OutreachReceipt second = gateway.send(message("day-1"));

        assertThat(first.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(second.status()).isEqualTo(OutreachReceipt.Status.ALREADY_DELIVERED);
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailedKeyIsTriedAgainByALaterSend() {
        willAnswer(400);
        WebhookOutreachGateway gateway = gateway();
        gateway.send(message("day-1"));

        OutreachReceipt again = gateway.send(message("day-1"));

        assertThat(again.status()).isEqualTo(OutreachReceipt.Status.DELIVERED);
        assertThat(received).hasSize(2);
        assertThat(ledger("saga-1:day-1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anUnreachableWebhookIsRetriedAndRecordedFailed() {
        webhook.stop(0);

        OutreachReceipt receipt = gateway(Duration.ofSeconds(1), 2).send(message("day-1"));

        assertThat(receipt.status()).isEqualTo(OutreachReceipt.Status.FAILED);
        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(receipt.reason()).contains("ConnectException");
    }

    private record Answer(int status, Duration delay) {
    }

    private record Received(String idempotencyKey, String contentType, String body) {
    }
}
