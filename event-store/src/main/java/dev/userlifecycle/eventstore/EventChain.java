package dev.userlifecycle.eventstore;

import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;

/**
 * The hash chain of an aggregate's events. Each event document carries {@code previousHash}, the {@code hash} of the
 * event before it in its aggregate's stream ({@link #GENESIS} for the first), and its own {@code hash}: SHA-256 over
 * a canonical encoding of its stored fields and {@code previousHash}. Changing, removing or reordering a stored event
 * breaks the chain at that event or at the one after it.
 * <p>
 * The encoding: the UTF-8 bytes of {@link #VERSION}, then each field in this order as a 4-byte big-endian length and
 * its UTF-8 bytes (length -1 for a missing field): position, aggregate identifier, aggregate type, sequence number,
 * event identifier, timestamp, payload type, payload revision, payload, meta-data, storage time (epoch
 * milliseconds), previous hash. Numbers are written in decimal. The length prefixes make every list of fields
 * encode differently.
 */
final class EventChain {

    /** What the first event of every stream chains from: 64 zeros. */
    static final String GENESIS = "0".repeat(64);
    static final String VERSION = "user-lifecycle event chain v1";

    private static final byte[] VERSION_BYTES = VERSION.getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(EventChain::sha256);

    private EventChain() {
    }

    /** Adds {@code previousHash} and {@code hash} to an event document that is about to be stored. */
    static void seal(Document event, String previousHash) {
        event.append(EventDocuments.PREVIOUS_HASH, previousHash);
        event.append(EventDocuments.HASH, hashOf(event, previousHash));
    }

    /**
     * The hash of a stored event document chained from {@code previousHash}. A field of another type than the engine
     * writes (a tampered document) is encoded by its string form, so it never hashes like the original.
     */
    static String hashOf(Document event, String previousHash) {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        sha256.update(VERSION_BYTES);
        field(sha256, event.get(EventDocuments.ID));
        field(sha256, event.get(EventDocuments.AGGREGATE_ID));
        field(sha256, event.get(EventDocuments.AGGREGATE_TYPE));
        field(sha256, event.get(EventDocuments.SEQUENCE));
        field(sha256, event.get(EventDocuments.EVENT_ID));
        field(sha256, event.get(EventDocuments.TIMESTAMP));
        field(sha256, event.get(EventDocuments.PAYLOAD_TYPE));
        field(sha256, event.get(EventDocuments.PAYLOAD_REVISION));
        field(sha256, event.get(EventDocuments.PAYLOAD));
        field(sha256, event.get(EventDocuments.META_DATA));
        field(sha256, event.get(EventDocuments.STORED_AT));
        field(sha256, previousHash);
        return HEX.formatHex(sha256.digest());
    }

    private static void field(MessageDigest sha256, Object value) {
        if (value == null) {
            length(sha256, -1);
            return;
        }
        byte[] bytes = text(value).getBytes(StandardCharsets.UTF_8);
        length(sha256, bytes.length);
        sha256.update(bytes);
    }

    private static void length(MessageDigest sha256, int length) {
        sha256.update((byte) (length >>> 24));
        sha256.update((byte) (length >>> 16));
        sha256.update((byte) (length >>> 8));
        sha256.update((byte) length);
    }

    private static String text(Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.getTime());
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof String string) {
            return string;
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
