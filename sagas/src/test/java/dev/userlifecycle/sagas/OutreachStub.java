package dev.userlifecycle.sagas;

import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.outreach.OutreachReceipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OutreachGateway} for saga tests: keeps every message it is asked to send and delivers once per key, or
 * fails the next few sends, or all of them, when told to.
 */
public final class OutreachStub implements OutreachGateway {

    private final List<OutreachMessage> sent = new ArrayList<>();
    private final Map<String, OutreachMessage> delivered = new LinkedHashMap<>();
    private int failuresAhead;

    public void failNext(int sends) {
        failuresAhead = sends;
    }

    public void failAll(boolean failing) {
        failuresAhead = failing ? Integer.MAX_VALUE : 0;
    }

    /** Every message the saga tried to send, failed and repeated ones included, in order. */
    public List<OutreachMessage> sent() {
        return List.copyOf(sent);
    }

    /** The messages delivered, once per key, in order. */
    public List<OutreachMessage> delivered() {
        return List.copyOf(delivered.values());
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        sent.add(message);
        String key = message.idempotencyKey();
        if (failuresAhead > 0) {
            failuresAhead--;
            return new OutreachReceipt(key, OutreachReceipt.Status.FAILED, 4, Instant.EPOCH, "503 from the provider");
        }
        OutreachReceipt.Status status = delivered.putIfAbsent(key, message) == null
                ? OutreachReceipt.Status.DELIVERED : OutreachReceipt.Status.ALREADY_DELIVERED;
        return new OutreachReceipt(key, status, 1, Instant.EPOCH, null);
    }
}
