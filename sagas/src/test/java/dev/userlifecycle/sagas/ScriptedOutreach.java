package dev.userlifecycle.sagas;

import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.outreach.OutreachReceipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An {@link OutreachGateway} for saga tests: delivers once per key, or fails the next few sends when told to. */
public final class ScriptedOutreach implements OutreachGateway {

    private final List<OutreachMessage> delivered = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private int failuresAhead;

    public void failNext(int sends) {
        failuresAhead = sends;
    }

    public List<OutreachMessage> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        Instant now = Instant.now();
        if (failuresAhead > 0) {
            failuresAhead--;
            return new OutreachReceipt(message.idempotencyKey(), OutreachReceipt.Status.FAILED, 4, now, "HTTP 503");
        }
        if (!keys.add(message.idempotencyKey())) {
            return new OutreachReceipt(message.idempotencyKey(), OutreachReceipt.Status.ALREADY_DELIVERED, 1, now,
                                       null);
        }
        delivered.add(message);
        return new OutreachReceipt(message.idempotencyKey(), OutreachReceipt.Status.DELIVERED, 1, now, null);
    }
}
