package dev.userlifecycle.sagas.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts each message as JSON to a webhook, with the message's key in the {@code Idempotency-Key} header. A 2xx
 * answer delivers; 408, 429, 5xx, a timeout or a broken connection are retried with exponential backoff; any other
 * answer is a refusal and is not retried. After the last attempt the failure and its reason are recorded in
 * {@code outreach_deliveries} (see {@link DeliveryLedger} for when a key is sent again).
 */
public class WebhookOutreachGateway implements OutreachGateway {

    public static final String COLLECTION = DeliveryLedger.COLLECTION;

    private static final Logger logger = LoggerFactory.getLogger(WebhookOutreachGateway.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
                                                       .addModule(new JavaTimeModule())
                                                       .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                       .build();

    private final DeliveryLedger ledger;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final Sleeper sleeper;

    public WebhookOutreachGateway(MongoDatabase database, WebhookSettings settings, Clock clock) {
        this(database, settings, clock, Sleeper.THREAD);
    }

    WebhookOutreachGateway(MongoDatabase database, WebhookSettings settings, Clock clock, Sleeper sleeper) {
        this.ledger = new DeliveryLedger(database);
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(settings.timeout())
                                .build();
        this.sleeper = sleeper;
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        String key = message.idempotencyKey();
        Instant now = clock.instant();
        // a claim twice as old as the longest possible send belongs to a process that stopped while sending
        Optional<OutreachReceipt> earlier = ledger.claim(key, now, now.minus(settings.longestSend().multipliedBy(2)));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        byte[] body = json(message);
        int attempt = 1;
        Attempt result = post(key, body);
        while (!result.delivered() && result.retryable() && attempt < settings.attempts()) {
            try {
                sleeper.sleep(settings.pauseAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new Attempt(false, false, result.reason() + "; interrupted before the next attempt");
                break;
            }
            attempt++;
            result = post(key, body);
        }
        Instant at = clock.instant();
        if (result.delivered()) {
            ledger.delivered(key, attempt, at);
            return new OutreachReceipt(key, OutreachReceipt.Status.DELIVERED, attempt, at, null);
        }
        ledger.failed(key, attempt, at, result.reason());
        logger.warn("Outreach {} to user {} failed after {} attempt(s): {}", key, message.userId(), attempt,
                    result.reason());
        return new OutreachReceipt(key, OutreachReceipt.Status.FAILED, attempt, at, result.reason());
    }

    private Attempt post(String key, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                                         .timeout(settings.timeout())
                                         .header("Content-Type", "application/json")
                                         .header("Idempotency-Key", key)
                                         .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                         .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(true, false, null);
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return new Attempt(false, retryable, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Attempt(false, true, "no answer within " + settings.timeout());
        } catch (IOException e) {
            return new Attempt(false, true, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, false, "interrupted while posting");
        }
    }

    private static byte[] json(OutreachMessage message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Attempt(boolean delivered, boolean retryable, String reason) {
    }
}
