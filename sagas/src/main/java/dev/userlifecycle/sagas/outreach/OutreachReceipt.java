package dev.userlifecycle.sagas.outreach;

import java.time.Instant;

/**
 * What became of a send.
 *
 * @param key      the message's idempotency key
 * @param attempts how many deliveries were tried for this key by the send that decided the status
 * @param at       when that status was reached (wall-clock time of the service)
 * @param reason   why a delivery FAILED; {@code null} otherwise
 */
public record OutreachReceipt(String key, Status status, int attempts, Instant at, String reason) {

    public enum Status {
        /** This call delivered the message. */
        DELIVERED,
        /** An earlier call delivered the message (or is delivering it now); this call sent nothing. */
        ALREADY_DELIVERED,
        /** Every attempt failed, or the receiver refused the message; see {@code reason}. */
        FAILED
    }
}
