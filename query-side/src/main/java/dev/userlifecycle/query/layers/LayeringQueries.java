package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.events.FindLatestLayeringRun;
import dev.userlifecycle.events.FindLayerTransitions;
import dev.userlifecycle.events.FindLayeringRun;
import dev.userlifecycle.events.FindLayeringRuns;
import dev.userlifecycle.events.FindUserLayerAt;
import dev.userlifecycle.events.FindUserLayers;
import dev.userlifecycle.events.LayerTransitions;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringRunSummary;
import dev.userlifecycle.events.UserLayer;
import dev.userlifecycle.events.UserLayerHistory;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the layering queries from the stored runs, by {@code _id} reads only. */
public class LayeringQueries {

    private final ReadModels readModels;
    private final MongoDatabase database;
    private final RunRegistry registry;
    private final LatestUserLayer userLayers;
    private final RunTransitions transitions;

    public LayeringQueries(ReadModels readModels) {
        this.readModels = readModels;
        this.database = readModels.database();
        this.registry = new RunRegistry(database);
        this.userLayers = new LatestUserLayer(database);
        this.transitions = new RunTransitions(database);
    }

    @QueryHandler
    public Optional<LayeringRun> handle(FindLatestLayeringRun query) {
        return registry.latest().flatMap(latest -> run(latest.runId()));
    }

    @QueryHandler
    public Optional<LayeringRun> handle(FindLayeringRun query) {
        return run(query.runId());
    }

    @QueryHandler
    public List<LayeringRunSummary> handle(FindLayeringRuns query) {
        return registry.all();
    }

    /** Nothing for a user who has neither facts nor a place in any run. */
    @QueryHandler
    public Optional<UserLayerHistory> handle(FindUserLayers query) {
        List<LayeringRunSummary> runs = registry.all();
        Map<String, Document> chunks = new HashMap<>();
        if (!runs.isEmpty()) {
            List<String> ids = runs.stream().map(run -> AssignmentChunks.id(run.runId(), query.userId())).toList();
            database.getCollection(LayeringCollections.ASSIGNMENTS).find(Filters.in("_id", ids))
                    .forEach(chunk -> chunks.put(chunk.getString("runId"), chunk));
        }
        List<UserLayer> layers = new ArrayList<>();
        for (LayeringRunSummary run : runs) {
            Document chunk = chunks.get(run.runId());
            if (chunk != null) {
                AssignmentChunks.find(chunk, query.userId()).ifPresent(layers::add);
            }
        }
        if (layers.isEmpty() && !hasFacts(query.userId())) {
            return Optional.empty();
        }
        return Optional.of(new UserLayerHistory(query.userId(), layers));
    }

    @QueryHandler
    public Optional<UserLayer> handle(FindUserLayerAt query) {
        return registry.latestOnOrBefore(query.at()).flatMap(run -> userLayers.inRun(run.runId(), query.userId()));
    }

    /** Nothing when either run is not a registered run. */
    @QueryHandler
    public Optional<LayerTransitions> handle(FindLayerTransitions query) {
        List<LayeringRunSummary> runs = registry.all();
        Optional<LayeringRunSummary> run = summary(runs, query.runId());
        Optional<LayeringRunSummary> since = summary(runs, query.sinceRunId());
        if (run.isEmpty() || since.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(transitions.between(since.get(), run.get()));
    }

    private static Optional<LayeringRunSummary> summary(List<LayeringRunSummary> runs, String runId) {
        return runs.stream().filter(run -> run.runId().equals(runId)).findFirst();
    }

    private Optional<LayeringRun> run(String runId) {
        return Optional.ofNullable(database.getCollection(LayeringCollections.RUNS).find(Filters.eq("_id", runId))
                                           .first())
                       .map(RunDocuments::toRun);
    }

    private boolean hasFacts(String userId) {
        return readModels.collection(StoredFacts.COLLECTION).find(Filters.eq("_id", userId))
                       .projection(new Document("_id", 1)).first() != null;
    }
}
