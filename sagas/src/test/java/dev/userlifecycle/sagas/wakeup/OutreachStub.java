package dev.userlifecycle.sagas.wakeup;

import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.outreach.OutreachReceipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Keeps every message it is asked to send and delivers once per key, or fails every delivery when told to. */
final class OutreachStub implements OutreachGateway {

    final List<OutreachMessage> sent = new ArrayList<>();
    private final Set<String> delivered = new HashSet<>();
    boolean failing;

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        sent.add(message);
        String key = message.idempotencyKey();
        if (failing) {
            return new OutreachReceipt(key, OutreachReceipt.Status.FAILED, 4, Instant.EPOCH, "503 from the provider");
        }
        OutreachReceipt.Status status = delivered.add(key) ? OutreachReceipt.Status.DELIVERED
                                                           : OutreachReceipt.Status.ALREADY_DELIVERED;
        return new OutreachReceipt(key, status, 1, Instant.EPOCH, null);
    }

    long deliveries() {
        return delivered.size();
    }
}
