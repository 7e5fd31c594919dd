package dev.userlifecycle.sagas.outreach;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the webhook adapter posts.
 *
 * @param url      an absolute http or https URL
 * @param timeout  how long one attempt may take, connecting included
 * @param attempts how many attempts a send makes at most (at least 1)
 * @param backoff  the pause after the first failed attempt; it doubles after each further one
 */
public record WebhookSettings(URI url, Duration timeout, int attempts, Duration backoff) {

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("The webhook URL must be an absolute http or https URL, not " + url);
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("The webhook timeout must be positive");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("The webhook attempts must be at least 1");
        }
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("The webhook backoff must not be negative");
        }
    }

    /** The pause after failed attempt {@code attempt} (1-based): backoff, 2 × backoff, 4 × backoff, … */
    Duration pauseAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /** An upper bound of how long one send can take, every attempt timing out and every pause taken. */
    Duration longestSend() {
        Duration total = timeout.multipliedBy(attempts);
        for (int attempt = 1; attempt < attempts; attempt++) {
            total = total.plus(pauseAfter(attempt));
        }
        return total;
    }
}
