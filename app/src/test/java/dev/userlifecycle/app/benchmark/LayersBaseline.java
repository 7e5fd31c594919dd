package dev.userlifecycle.app.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The plain driver reading what {@code GET /api/v1/layers} reads: the latest entry of the run registry, then that
 * run's document, both by {@code _id}. Empty when the layering collections are not where this expects them.
 */
final class LayersBaseline {

    private LayersBaseline() {
    }

    static Optional<Callable<Boolean>> reader(MongoDatabase database) {
        MongoCollection<Document> registry = database.getCollection("layering_registry");
        MongoCollection<Document> runs = database.getCollection("layering_runs");
        if (latestRunId(registry) == null) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            String runId = latestRunId(registry);
            return runId != null && runs.find(Filters.eq("_id", runId)).first() != null;
        });
    }

    private static String latestRunId(MongoCollection<Document> registry) {
        Document entry = registry.find(Filters.eq("_id", "runs")).projection(Projections.include("latest")).first();
        Document latest = entry == null ? null : entry.get("latest", Document.class);
        return latest == null ? null : latest.getString("runId");
    }
}
