package dev.userlifecycle.app.audit;

import dev.userlifecycle.eventstore.ChainVerification;

/**
 * The verification of a user's or an incident's hash chain.
 *
 * @param valid           no link is broken
 * @param events          events in the stream
 * @param chained         events whose hash and link verified
 * @param unchained       events stored before the chain existed: not protected, not broken
 * @param firstBrokenLink where the chain first breaks; null when it does not
 */
public record ChainReport(String aggregateType, String aggregateId, boolean valid, long events, long chained,
                          long unchained, BrokenLink firstBrokenLink) {

    /**
     * @param position the position the stream lists for the sequence number; null when it lists none
     * @param reason   {@code CONTENT_ALTERED}, {@code LINK_BROKEN}, {@code MISSING}, {@code GAP}, {@code MISPLACED}
     *                 or {@code TIP_MISMATCH} (see the README)
     */
    public record BrokenLink(long sequence, Long position, String reason, String detail) {
    }

    static ChainReport of(ChainVerification verification) {
        ChainVerification.BrokenLink broken = verification.firstBrokenLink();
        return new ChainReport(verification.aggregateType(), verification.aggregateIdentifier(), verification.valid(),
                               verification.events(), verification.chained(), verification.unchained(),
                               broken == null ? null : new BrokenLink(broken.sequence(), broken.position(),
                                                                      broken.reason().name(), broken.detail()));
    }
}
