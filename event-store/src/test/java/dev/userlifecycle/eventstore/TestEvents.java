package dev.userlifecycle.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events and event factories used by the contract tests. */
final class TestEvents {

    static final String AGGREGATE_TYPE = "Account";

    private TestEvents() {
    }

    @Revision("2")
    record AmountDeposited(String accountId, BigDecimal amount, Instant occurredAt) {
    }

    /** The first version of {@link AmountDeposited}: an amount in cents. */
    @Revision("1")
    record AmountDepositedV1(String accountId, long cents) {
    }

    static DomainEventMessage<AmountDeposited> deposit(String accountId, long sequence) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, accountId, sequence,
                                               new AmountDeposited(accountId, BigDecimal.valueOf(sequence + 1),
                                                                   Instant.parse("2026-03-01T09:30:00Z")));
    }

    static List<DomainEventMessage<?>> deposits(String accountId, long firstSequence, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(deposit(accountId, firstSequence + i));
        }
        return events;
    }
}
