package dev.userlifecycle.sagas.outreach;

import dev.userlifecycle.events.Channel;

import java.time.Instant;
import java.util.Map;

/** A message as the recording adapter stored it: what would have been sent, and when it was recorded. */
public record RecordedOutreach(String idempotencyKey, String userId, String campaignId, String step, Channel channel,
                               String template, Map<String, String> parameters, Instant occurredAt,
                               Instant recordedAt) {
}
