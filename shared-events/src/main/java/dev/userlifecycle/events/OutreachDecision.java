package dev.userlifecycle.events;

/**
 * What the user decided for a {@link ContactUser}: contacted on {@code channel}, or skipped for {@code reason}
 * (then {@code channel} is the first channel asked for).
 */
public record OutreachDecision(String campaignId, String step, boolean contacted, Channel channel, String reason) {

    public static OutreachDecision contacted(String campaignId, String step, Channel channel) {
        return new OutreachDecision(campaignId, step, true, channel, null);
    }

    public static OutreachDecision skipped(String campaignId, String step, Channel channel, String reason) {
        return new OutreachDecision(campaignId, step, false, channel, reason);
    }
}
