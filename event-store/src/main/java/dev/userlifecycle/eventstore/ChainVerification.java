package dev.userlifecycle.eventstore;

/**
 * The result of checking an aggregate's hash chain (see the event-store README for its format).
 *
 * @param events          the events of the stream: its last sequence number plus one
 * @param chained         events whose hash and link verified
 * @param unchained       events stored without a hash (before the chain existed): nothing protects them
 * @param firstBrokenLink the first place where the stored events do not match their chain; null when there is none
 */
public record ChainVerification(String aggregateIdentifier, String aggregateType, long events, long chained,
                                long unchained, BrokenLink firstBrokenLink) {

    /** Whether no link is broken. Unchained events do not break the chain, but are not vouched for either. */
    public boolean valid() {
        return firstBrokenLink == null;
    }

    /**
     * Where and why the chain breaks.
     *
     * @param position the position the stream lists for that sequence number; null when it lists none
     */
    public record BrokenLink(long sequence, Long position, Reason reason, String detail) {
    }

    public enum Reason {
        /** The event's stored fields do not hash to its stored hash: the event was changed. */
        CONTENT_ALTERED,
        /** The event does not chain from the hash of the event before it: that one was replaced, removed or moved. */
        LINK_BROKEN,
        /** The stream lists a position for the sequence number, but no event is stored there: it was deleted. */
        MISSING,
        /** The stream lists no position for the sequence number, though it has later ones. */
        GAP,
        /** The event stored at the listed position belongs to another aggregate or sequence number. */
        MISPLACED,
        /**
         * The stream's chain tip (the last hash recorded with the stream) does not match its events: events were
         * removed from its end or rewritten there.
         */
        TIP_MISMATCH
    }
}
