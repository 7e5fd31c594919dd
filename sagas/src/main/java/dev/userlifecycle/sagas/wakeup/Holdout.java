package dev.userlifecycle.sagas.wakeup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The control group of wake-up campaigns: a user is in it when the SHA-256 of their id and the campaign id falls in
 * the first {@code percent} of 10,000 buckets. The same user and campaign always land in the same bucket, in every
 * process and after every restart or redelivery.
 */
final class Holdout {

    static final int BUCKETS = 10_000;

    private Holdout() {
    }

    static boolean contains(double percent, String userId, String campaignId) {
        return bucket(userId, campaignId) < Math.round(percent * BUCKETS / 100);
    }

    static int bucket(String userId, String campaignId) {
        byte[] digest = sha256(userId + '|' + campaignId);
        return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), BUCKETS);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
