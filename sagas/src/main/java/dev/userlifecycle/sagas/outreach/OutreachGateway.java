package dev.userlifecycle.sagas.outreach;

/**
 * The port through which sagas reach users. Sagas never call an SMS, push or e-mail provider themselves.
 * <p>
 * Sending is idempotent per {@link OutreachMessage#idempotencyKey() key}: a saga step that is sent twice (a retried
 * handler, a redelivered event) is delivered once and the second call answers
 * {@link OutreachReceipt.Status#ALREADY_DELIVERED}. For the same reason a replay of the event history that reached
 * a saga step again would send nothing new.
 */
public interface OutreachGateway {

    /** Delivers the message once per idempotency key; never throws for a delivery failure, it answers FAILED. */
    OutreachReceipt send(OutreachMessage message);
}
