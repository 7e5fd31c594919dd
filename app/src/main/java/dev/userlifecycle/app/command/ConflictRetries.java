package dev.userlifecycle.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries a command, with exponential back-off, only when it lost an optimistic-concurrency race: a refused command
 * would be refused again. Axon's own scheduler tests its non-transient predicate on every cause of a failure too, and
 * the event store's {@link ConcurrencyException} carries the duplicate-key error of the lost insert as its cause, so a
 * predicate "anything but a conflict" would call every lost race non-transient; this decides on the whole chain once.
 */
public final class ConflictRetries implements RetryScheduler {

    private static final int BACKOFF_MILLIS = 5;

    private final RetryScheduler backOff;

    public ConflictRetries(ScheduledExecutorService executor, int maxRetries) {
        this.backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                                                               .retryExecutor(executor)
                                                               .backoffFactor(BACKOFF_MILLIS)
                                                               .maxRetryCount(maxRetries)
                                                               .nonTransientFailurePredicate(failure -> false)
                                                               .build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        return isConflict(lastFailure) && backOff.scheduleRetry(commandMessage, lastFailure, failures,
                                                                 commandDispatch);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
