package dev.userlifecycle.query.rebuild;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * The token-store work of a rebuild, on the tokens of single-segment processors (every projection's processor has
 * one segment): reading a stopped processor's token, handing a token to another processor name, deleting one.
 */
final class Tokens {

    private final TokenStore store;

    Tokens(TokenStore store) {
        this.store = store;
    }

    /** A processor's token, claimed for this process; {@code exists} is false for a processor that has none yet. */
    record Claim(String processor, boolean exists, TrackingToken token) {
    }

    /**
     * Claims the processor's token for this process until {@link #release}, so that no other process starts it.
     *
     * @throws UnableToClaimTokenException when another process holds it
     */
    Claim claim(String processor) {
        int[] segments = store.fetchSegments(processor);
        if (segments.length == 0) {
            return new Claim(processor, false, null);
        }
        if (segments.length != 1 || segments[0] != 0) {
            throw new IllegalStateException("processor '" + processor + "' has " + segments.length
                                            + " segments; a rebuild hands over the token of a single segment");
        }
        return new Claim(processor, true, store.fetchToken(processor, 0));
    }

    /** Stores {@code token} as the claimed processor's, creating its token entry when it had none. */
    void handOver(Claim claim, TrackingToken token) {
        if (claim.exists()) {
            store.storeToken(token, claim.processor(), 0);
        } else {
            store.initializeTokenSegments(claim.processor(), 1, token);
        }
    }

    void release(Claim claim) {
        if (claim.exists()) {
            store.releaseClaim(claim.processor(), 0);
        }
    }

    /** The token a stopped processor stored last ({@code null} when it has none). */
    TrackingToken read(String processor) {
        Claim claim = claim(processor);
        try {
            return claim.token();
        } finally {
            release(claim);
        }
    }

    /** Deletes every token entry of a stopped processor. */
    void delete(String processor) {
        for (int segment : store.fetchSegments(processor)) {
            store.fetchToken(processor, segment);
            store.deleteToken(processor, segment);
        }
    }

    /** Whether a processor at {@code copy} has seen every event one at {@code live} has. */
    static boolean covers(TrackingToken copy, TrackingToken live) {
        if (live == null) {
            return true;
        }
        if (copy == null) {
            return false;
        }
        return WrappedToken.unwrapLowerBound(copy).covers(WrappedToken.unwrapLowerBound(live));
    }

    /** The global position of a token; 0 before the first event. */
    static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
