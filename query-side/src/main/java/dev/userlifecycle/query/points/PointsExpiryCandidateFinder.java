package dev.userlifecycle.query.points;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.userlifecycle.events.FindPointsExpiryCandidates;
import dev.userlifecycle.events.PointsExpiryCandidates;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers {@link FindPointsExpiryCandidates} from the points ledgers in {@value PointsLedgerProjection#COLLECTION}:
 * the users whose {@code reviewAt} is at or before {@code asOf}.
 * <p>
 * The filter scans the whole collection (an embedded server indexes only {@code _id}), so the first page of a sweep
 * reads every matching id in one pass and keeps the sorted list; the following pages of the same {@code asOf} are cut
 * from it. A page that asks for another {@code asOf}, or reaches a process that did not answer the first page, scans
 * again. The list is a snapshot: the user aggregate decides what is due.
 */
public class PointsExpiryCandidateFinder {

    private final ReadModels readModels;
    private final AtomicReference<Scan> latestScan = new AtomicReference<>();

    public PointsExpiryCandidateFinder(ReadModels readModels) {
        this.readModels = readModels;
    }

    @QueryHandler
    public PointsExpiryCandidates handle(FindPointsExpiryCandidates query) {
        Scan scan = query.afterUserId() == null ? null : latestScan.get();
        if (scan == null || !scan.asOf().equals(query.asOf())) {
            scan = scan(query.asOf());
            latestScan.set(scan);
        }
        PointsExpiryCandidates page = scan.pageAfter(query.afterUserId(), query.limit());
        if (page.lastPage()) {
            latestScan.compareAndSet(scan, null);
        }
        return page;
    }

    private Scan scan(Instant asOf) {
        List<String> ids = new ArrayList<>();
        ledgers().find(Filters.lte(LedgerState.REVIEW_AT, Date.from(asOf)))
                 .projection(Projections.include("_id"))
                 .forEach(ledger -> ids.add(ledger.getString("_id")));
        Collections.sort(ids);
        return new Scan(asOf, ids);
    }

    private MongoCollection<Document> ledgers() {
        return readModels.collection(PointsLedgerProjection.COLLECTION);
    }

    /** The sorted candidate ids as of one time. */
    private record Scan(Instant asOf, List<String> ids) {

        PointsExpiryCandidates pageAfter(String afterUserId, int limit) {
            int from = 0;
            if (afterUserId != null) {
                int found = Collections.binarySearch(ids, afterUserId);
                from = found >= 0 ? found + 1 : -found - 1;
            }
            int to = (int) Math.min((long) from + limit, ids.size());
            return new PointsExpiryCandidates(ids.subList(from, to), to == ids.size());
        }
    }
}
