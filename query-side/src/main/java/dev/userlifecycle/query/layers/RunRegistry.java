package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.userlifecycle.events.LayeringRunSummary;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The list of stored runs, one document {@code {_id: "runs", runs: [summary], latest: summary}}, so listing runs and
 * finding the latest are each one {@code _id} read. Runs are ordered by {@code asOf}, then by when they finished,
 * then by when they were registered: "latest" is the run that describes the latest business time.
 */
final class RunRegistry {

    private static final String ID = "runs";
    private static final Comparator<LayeringRunSummary> BY_BUSINESS_TIME =
            Comparator.comparing(LayeringRunSummary::asOf).thenComparing(LayeringRunSummary::finishedAt);

    private final MongoDatabase database;

    RunRegistry(MongoDatabase database) {
        this.database = database;
    }

    /** Registers a stored run; the caller holds the {@link RunLease}, so no other run registers meanwhile. */
    void add(LayeringRunSummary run) {
        LayeringRunSummary latest = latest().filter(current -> BY_BUSINESS_TIME.compare(current, run) > 0)
                                            .orElse(run);
        collection().updateOne(Filters.eq("_id", ID),
                               Updates.combine(Updates.push("runs", RunDocuments.toDocument(run)),
                                               Updates.set("latest", RunDocuments.toDocument(latest))),
                               new UpdateOptions().upsert(true));
    }

    Optional<LayeringRunSummary> latest() {
        Document registry = collection().find(Filters.eq("_id", ID)).projection(Projections.include("latest")).first();
        return Optional.ofNullable(registry == null ? null : registry.get("latest", Document.class))
                       .map(RunDocuments::toSummary);
    }

    /** Every run, latest first. */
    List<LayeringRunSummary> all() {
        Document registry = collection().find(Filters.eq("_id", ID)).first();
        if (registry == null) {
            return List.of();
        }
        List<LayeringRunSummary> runs = new ArrayList<>();
        registry.getList("runs", Document.class).forEach(run -> runs.add(RunDocuments.toSummary(run)));
        List<LayeringRunSummary> latestFirst = new ArrayList<>(runs);
        // registered later wins a tie, so sort the reversed list stably
        Collections.reverse(latestFirst);
        latestFirst.sort(BY_BUSINESS_TIME.reversed());
        return latestFirst;
    }

    /** The latest run whose {@code asOfDay} is {@code day} or earlier. */
    Optional<LayeringRunSummary> latestOnOrBefore(LocalDate day) {
        return all().stream().filter(run -> !run.asOfDay().isAfter(day)).findFirst();
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(LayeringCollections.REGISTRY);
    }
}
