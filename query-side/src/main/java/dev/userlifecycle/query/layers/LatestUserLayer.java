package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.events.UserLayer;
import org.bson.Document;

import java.util.Optional;

/** A user's place in the latest layering run: the registry's pointer to the latest run, then the user's chunk of it. */
public class LatestUserLayer {

    private final MongoDatabase database;
    private final RunRegistry registry;

    public LatestUserLayer(MongoDatabase database) {
        this.database = database;
        this.registry = new RunRegistry(database);
    }

    /** Empty before the first run, and for a user the latest run did not include. */
    public Optional<UserLayer> find(String userId) {
        return registry.latest().flatMap(run -> inRun(run.runId(), userId));
    }

    Optional<UserLayer> inRun(String runId, String userId) {
        Document chunk = database.getCollection(LayeringCollections.ASSIGNMENTS)
                                 .find(Filters.eq("_id", AssignmentChunks.id(runId, userId))).first();
        return chunk == null ? Optional.empty() : AssignmentChunks.find(chunk, userId);
    }
}
