package dev.userlifecycle.query.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.userlifecycle.events.DormancyCandidates;
import dev.userlifecycle.events.FindDormancyCandidates;
import dev.userlifecycle.events.UserStatus;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers {@link FindDormancyCandidates} from the profiles in {@value UserProfileProjection#COLLECTION}.
 * <p>
 * A filter on {@code status} scans the whole collection (an embedded server indexes only {@code _id}), so the first
 * page of a sweep reads every matching id in one pass and keeps the sorted list; the following pages of the same
 * {@code asOf} and period are cut from it. A page that asks for another {@code asOf} or period, or reaches a process
 * that did not answer the first page, scans again, which gives the same ids as of its own read. The list is a
 * snapshot: the aggregate decides whether a candidate still becomes dormant.
 */
public class DormancyCandidateFinder {

    private final ReadModels readModels;
    private final AtomicReference<Scan> latestScan = new AtomicReference<>();

    public DormancyCandidateFinder(ReadModels readModels) {
        this.readModels = readModels;
    }

    @QueryHandler
    public DormancyCandidates handle(FindDormancyCandidates query) {
        Scan scan = query.afterUserId() == null ? null : latestScan.get();
        if (scan == null || !scan.answers(query)) {
            scan = scan(query);
            latestScan.set(scan);
        }
        DormancyCandidates page = scan.pageAfter(query.afterUserId(), query.limit());
        if (page.lastPage()) {
            latestScan.compareAndSet(scan, null);
        }
        return page;
    }

    private Scan scan(FindDormancyCandidates query) {
        Instant cutoff = query.lastActiveAtOrBefore();
        List<String> ids = new ArrayList<>();
        // lastActiveAt is an ISO-8601 string of varying length, which does not order as text: compare it as an instant
        for (Document profile : profiles().find(Filters.eq("status", UserStatus.ACTIVE.name()))
                                          .projection(Projections.include("lastActiveAt"))) {
            String lastActiveAt = profile.getString("lastActiveAt");
            if (lastActiveAt != null && !Instant.parse(lastActiveAt).isAfter(cutoff)) {
                ids.add(profile.getString("_id"));
            }
        }
        Collections.sort(ids);
        return new Scan(query.asOf(), query.dormancyPeriod(), ids);
    }

    private MongoCollection<Document> profiles() {
        return readModels.collection(UserProfileProjection.COLLECTION);
    }

    /** The sorted candidate ids of one {@code asOf} and period. */
    private record Scan(Instant asOf, Duration period, List<String> ids) {

        boolean answers(FindDormancyCandidates query) {
            return asOf.equals(query.asOf()) && period.equals(query.dormancyPeriod());
        }

        DormancyCandidates pageAfter(String afterUserId, int limit) {
            int from = 0;
            if (afterUserId != null) {
                int found = Collections.binarySearch(ids, afterUserId);
                from = found >= 0 ? found + 1 : -found - 1;
            }
            int to = (int) Math.min((long) from + limit, ids.size());
            return new DormancyCandidates(ids.subList(from, to), to == ids.size());
        }
    }
}
