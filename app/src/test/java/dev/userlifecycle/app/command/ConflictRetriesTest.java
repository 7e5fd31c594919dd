package dev.userlifecycle.app.command;

import dev.userlifecycle.events.BusinessRuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetries retries = new ConflictRetries(executor, 3);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aRaceLostToTheStoresUniqueIndexIsRetried() throws InterruptedException {
        // the event store's conflict carries the duplicate-key error of the insert that lost the race
        RuntimeException lost = new ConcurrencyException("Sequence number 1 was taken",
                                                         new IllegalStateException("E11000 duplicate key"));
        CountDownLatch dispatched = new CountDownLatch(1);

        assertThat(retries.scheduleRetry(command, lost, failures(1), dispatched::countDown)).isTrue();
        assertThat(dispatched.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRefusedCommandIsNotRetried() {
        RuntimeException refused = new BusinessRuleViolation("points", "cannot redeem 5 points");

        assertThat(retries.scheduleRetry(command, refused, failures(1), () -> { })).isFalse();
    }

    @Test
    void aRaceLostMoreOftenThanTheRetriesAllowIsGivenUp() {
        RuntimeException lost = new ConcurrencyException("Sequence number 1 was taken");

        assertThat(retries.scheduleRetry(command, lost, failures(4), () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
