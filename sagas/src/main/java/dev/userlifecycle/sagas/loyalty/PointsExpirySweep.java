package dev.userlifecycle.sagas.loyalty;

import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.FindPointsExpiryCandidates;
import dev.userlifecycle.events.PointsExpiryCandidates;
import dev.userlifecycle.events.PointsExpiryOutcome;
import dev.userlifecycle.sagas.CommandOrigin;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Brings every loyalty account due for review by a business time up to it: asks the points ledgers for the users due
 * ({@link FindPointsExpiryCandidates}), page by page, and sends each an {@link ExpirePoints}. The user aggregate
 * decides what expires and whether the tier falls; a second sweep as of the same time finds nobody due.
 */
public class PointsExpirySweep {

    /** The name of the sweep in its origin: {@code sweep:points-expiry} when it runs on its schedule. */
    public static final String NAME = "points-expiry";

    private static final Logger logger = LoggerFactory.getLogger(PointsExpirySweep.class);

    private final QueryGateway queryGateway;
    private final CommandGateway commandGateway;
    private final int pageSize;

    public PointsExpirySweep(QueryGateway queryGateway, CommandGateway commandGateway, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("the page size must be positive: " + pageSize);
        }
        this.queryGateway = queryGateway;
        this.commandGateway = commandGateway;
        this.pageSize = pageSize;
    }

    /**
     * Sweeps as of {@code asOf}; each command it sends, and so each event that follows, is attributed to
     * {@code origin}.
     */
    public PointsExpirySweepReport sweep(Instant asOf, CommandOrigin origin) {
        PointsExpirySweepReport.Tally tally = new PointsExpirySweepReport.Tally();
        String afterUserId = null;
        PointsExpiryCandidates page;
        do {
            page = candidates(asOf, afterUserId);
            List<CompletableFuture<Void>> expiries = new ArrayList<>();
            for (String userId : page.userIds()) {
                expiries.add(expire(userId, asOf, origin, tally));
            }
            expiries.forEach(CompletableFuture::join);
            if (!page.userIds().isEmpty()) {
                afterUserId = page.userIds().get(page.userIds().size() - 1);
            }
        } while (!page.lastPage() && !page.userIds().isEmpty());
        PointsExpirySweepReport report = tally.report(asOf);
        logger.info("Points expiry sweep as of {}: {}", asOf, report);
        return report;
    }

    private PointsExpiryCandidates candidates(Instant asOf, String afterUserId) {
        FindPointsExpiryCandidates query = new FindPointsExpiryCandidates(asOf, afterUserId, pageSize);
        return queryGateway.query(query, ResponseTypes.instanceOf(PointsExpiryCandidates.class)).join();
    }

    private CompletableFuture<Void> expire(String userId, Instant asOf, CommandOrigin origin,
                                           PointsExpirySweepReport.Tally tally) {
        CompletableFuture<PointsExpiryOutcome> sent;
        try {
            sent = commandGateway.send(origin.command(new ExpirePoints(userId, asOf)));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((outcome, failure) -> {
            if (failure != null) {
                logger.warn("The loyalty account of user '{}' could not be brought up to {}", userId, asOf, failure);
            }
            tally.add(outcome, failure);
            return null;
        });
    }
}
