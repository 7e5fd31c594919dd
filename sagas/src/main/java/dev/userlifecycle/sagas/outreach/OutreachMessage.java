package dev.userlifecycle.sagas.outreach;

import dev.userlifecycle.events.Channel;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one user. It names the user and never carries personal data: the adapter at the far end (or the
 * provider behind the webhook) looks the phone number or address up when it is allowed to.
 *
 * @param idempotencyKey the saga and its step, see {@link #of}
 * @param template       the name of the text to send, not the text
 * @param parameters     the few values the template needs
 * @param occurredAt     the business time of the step
 */
public record OutreachMessage(String idempotencyKey, String userId, String campaignId, String step, Channel channel,
                              String template, Map<String, String> parameters, Instant occurredAt) {

    public OutreachMessage {
        requireText(idempotencyKey, "idempotencyKey");
        requireText(userId, "userId");
        requireText(campaignId, "campaignId");
        requireText(step, "step");
        Objects.requireNonNull(channel, "channel");
        requireText(template, "template");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * A message whose idempotency key is {@code sagaKey:step}, so one step of one saga is delivered once. The saga key
     * identifies the saga for good (a user and campaign, say), not by Axon's random saga id, which a saga re-created
     * after a crash would not share.
     */
    public static OutreachMessage of(String sagaKey, String step, String userId, String campaignId, Channel channel,
                                     String template, Map<String, String> parameters, Instant occurredAt) {
        return new OutreachMessage(key(sagaKey, step), userId, campaignId, step, channel, template, parameters,
                                   occurredAt);
    }

    static String key(String sagaKey, String step) {
        requireText(sagaKey, "sagaKey");
        requireText(step, "step");
        return sagaKey + ":" + step;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
