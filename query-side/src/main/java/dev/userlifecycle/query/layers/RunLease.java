package dev.userlifecycle.query.layers;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets one layering run go on at a time, across every process on the database: the document
 * {@code {_id: "running", runId, since, expiresAt}} exists while a run goes on. A lease outlives a process that died
 * mid-run only until it expires.
 */
final class RunLease {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ID = "running";

    private final MongoDatabase database;

    RunLease(MongoDatabase database) {
        this.database = database;
    }

    /** Takes the lease for {@code runId}; false when another run holds it. */
    boolean acquire(String runId, Instant now) {
        if (insert(runId, now)) {
            return true;
        }
        Document held = collection().find(Filters.eq("_id", ID)).first();
        if (held != null && !Instant.parse(held.getString("expiresAt")).isAfter(now)) {
            collection().deleteOne(Filters.and(Filters.eq("_id", ID), Filters.eq("runId", held.getString("runId"))));
            return insert(runId, now);
        }
        return false;
    }

    void release(String runId) {
        collection().deleteOne(Filters.and(Filters.eq("_id", ID), Filters.eq("runId", runId)));
    }

    /** The run that holds the lease, if one does. */
    Optional<String> holder() {
        return Optional.ofNullable(collection().find(Filters.eq("_id", ID)).first()).map(d -> d.getString("runId"));
    }

    private boolean insert(String runId, Instant now) {
        try {
            collection().insertOne(new Document("_id", ID).append("runId", runId).append("since", now.toString())
                                                          .append("expiresAt", now.plus(LIFETIME).toString()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(LayeringCollections.REGISTRY);
    }
}
