package dev.userlifecycle.sagas.dormancy;

import dev.userlifecycle.events.DormancyCandidates;
import dev.userlifecycle.events.FindDormancyCandidates;
import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.sagas.CommandOrigin;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Marks dormant every active user without activity for the dormancy period as of a business time: asks the read
 * model for candidates, page by page, and sends each a {@link MarkUserDormant}. The user aggregate decides; a
 * candidate it refuses as a conflict (active again since the read model saw it, or dormant already) is skipped, so a
 * sweep can run again as of the same time without effect.
 */
public class DormancySweep {

    /** The name of the sweep in its origin: {@code sweep:dormancy} when it runs on its schedule. */
    public static final String NAME = "dormancy";

    private static final Logger logger = LoggerFactory.getLogger(DormancySweep.class);

    private final QueryGateway queryGateway;
    private final CommandGateway commandGateway;
    private final Duration dormancyPeriod;
    private final int pageSize;

    public DormancySweep(QueryGateway queryGateway, CommandGateway commandGateway, Duration dormancyPeriod,
                         int pageSize) {
        if (dormancyPeriod.isNegative() || dormancyPeriod.isZero()) {
            throw new IllegalArgumentException("the dormancy period must be positive: " + dormancyPeriod);
        }
        this.queryGateway = queryGateway;
        this.commandGateway = commandGateway;
        this.dormancyPeriod = dormancyPeriod;
        this.pageSize = pageSize;
    }

    /**
     * Sweeps as of {@code asOf}; each command it sends, and so each event that follows, is attributed to
     * {@code origin}.
     */
    public DormancySweepReport sweep(Instant asOf, CommandOrigin origin) {
        Tally tally = new Tally();
        String afterUserId = null;
        DormancyCandidates page;
        do {
            page = candidates(asOf, afterUserId);
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            for (String userId : page.userIds()) {
                outcomes.add(markDormant(userId, asOf, origin));
            }
            outcomes.forEach(outcome -> tally.add(outcome.join()));
            if (!page.userIds().isEmpty()) {
                afterUserId = page.userIds().get(page.userIds().size() - 1);
            }
        } while (!page.lastPage() && !page.userIds().isEmpty());
        DormancySweepReport report = tally.report(asOf, dormancyPeriod);
        logger.info("Dormancy sweep as of {}: {}", asOf, report);
        return report;
    }

    private DormancyCandidates candidates(Instant asOf, String afterUserId) {
        FindDormancyCandidates query = new FindDormancyCandidates(asOf, dormancyPeriod, afterUserId, pageSize);
        return queryGateway.query(query, ResponseTypes.instanceOf(DormancyCandidates.class)).join();
    }

    private CompletableFuture<Outcome> markDormant(String userId, Instant asOf, CommandOrigin origin) {
        try {
            return commandGateway.send(origin.command(new MarkUserDormant(userId, asOf, dormancyPeriod)))
                                 .handle((result, failure) -> outcomeOf(userId, failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(outcomeOf(userId, e));
        }
    }

    private static Outcome outcomeOf(String userId, Throwable failure) {
        if (failure == null) {
            return Outcome.MARKED;
        }
        Throwable cause = unwrapped(failure);
        boolean refused = HandlerExecutionException.resolveDetails(cause)
                                                   .filter(details -> details instanceof LifecycleError error
                                                           && error.kind() == LifecycleError.Kind.CONFLICT)
                                                   .isPresent();
        if (refused) {
            logger.debug("User '{}' stays as is: {}", userId, cause.getMessage());
            return Outcome.SKIPPED;
        }
        logger.warn("User '{}' could not be marked dormant", userId, cause);
        return Outcome.FAILED;
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private enum Outcome { MARKED, SKIPPED, FAILED }

    private static final class Tally {
        long candidates;
        long marked;
        long skipped;
        long failed;

        void add(Outcome outcome) {
            candidates++;
            switch (outcome) {
                case MARKED -> marked++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
        }

        DormancySweepReport report(Instant asOf, Duration dormancyPeriod) {
            return new DormancySweepReport(asOf, dormancyPeriod, candidates, marked, skipped, failed);
        }
    }
}
