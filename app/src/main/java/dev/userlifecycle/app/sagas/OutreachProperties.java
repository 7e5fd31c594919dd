package dev.userlifecycle.app.sagas;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How sagas reach users.
 *
 * @param adapter {@code record} (store every message in MongoDB and send nothing) or {@code webhook}
 * @param webhook where and how the webhook adapter posts
 */
@ConfigurationProperties("lifecycle.outreach")
public record OutreachProperties(String adapter, Webhook webhook) {

    static final String RECORD = "record";
    static final String WEBHOOK = "webhook";

    public OutreachProperties {
        adapter = adapter == null || adapter.isBlank() ? RECORD : adapter.trim();
        webhook = webhook == null ? new Webhook(null, null, null, null) : webhook;
    }

    /**
     * @param url      the URL each message is posted to; required with the webhook adapter
     * @param timeout  how long one attempt may take
     * @param attempts how many attempts a message gets at most
     * @param backoff  the pause after the first failed attempt, doubled after each further one
     */
    public record Webhook(String url, Duration timeout, Integer attempts, Duration backoff) {

        public Webhook {
            url = url == null || url.isBlank() ? null : url.trim();
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            attempts = attempts == null ? 4 : attempts;
            backoff = backoff == null ? Duration.ofMillis(200) : backoff;
        }
    }
}
