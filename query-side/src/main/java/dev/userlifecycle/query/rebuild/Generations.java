package dev.userlifecycle.query.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.userlifecycle.query.store.ReadModels;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The registry of the generation each projection answers from: one small document per rebuilt projection in
 * {@value #COLLECTION} ({@code {_id: "user-profiles", generation: 2}}: the profiles are in {@code user_profiles_g2});
 * a projection without one is in generation 0, the plain names. Every process reads the registry again when its copy
 * is older than {@link #REFRESH}, so a switch made by one process reaches the others within it; the process that
 * switches sees its switch at once.
 */
public final class Generations implements ReadModels {

    public static final String COLLECTION = "projection_generations";
    /** How stale a process's copy of the registry may be; an old generation must outlive it. */
    public static final Duration REFRESH = Duration.ofSeconds(1);

    private final MongoDatabase database;
    private volatile Map<String, Integer> active = Map.of();
    private volatile long loadedAt;
    private volatile boolean loaded;

    public Generations(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public MongoDatabase database() {
        return database;
    }

    @Override
    public String name(String collection) {
        return ReadModel.owning(collection)
                        .map(model -> ReadModel.collectionIn(collection, generation(model)))
                        .orElse(collection);
    }

    /** The generation {@code model} answers from now. */
    public int generation(ReadModel model) {
        if (!loaded || System.nanoTime() - loadedAt > REFRESH.toNanos()) {
            reload();
        }
        return active.getOrDefault(model.projection(), 0);
    }

    /** Points {@code model} at {@code generation}: from now on its projection and its queries use that copy. */
    synchronized void switchTo(ReadModel model, int generation, Instant at) {
        registry().replaceOne(Filters.eq("_id", model.projection()),
                              new Document("_id", model.projection()).append("generation", generation)
                                                                     .append("since", at.toString()),
                              new ReplaceOptions().upsert(true));
        Map<String, Integer> switched = new HashMap<>(active);
        switched.put(model.projection(), generation);
        active = Map.copyOf(switched);
    }

    /** The read models as they are now, except {@code model}'s collections, which are those of {@code generation}. */
    ReadModels pinned(ReadModel model, int generation) {
        return new ReadModels() {
            @Override
            public MongoDatabase database() {
                return database;
            }

            @Override
            public String name(String collection) {
                return model.collections().contains(collection) ? ReadModel.collectionIn(collection, generation)
                        : Generations.this.name(collection);
            }
        };
    }

    private synchronized void reload() {
        if (loaded && System.nanoTime() - loadedAt <= REFRESH.toNanos()) {
            return;
        }
        Map<String, Integer> read = new HashMap<>();
        for (Document entry : registry().find()) {
            read.put(entry.getString("_id"), ((Number) entry.get("generation")).intValue());
        }
        active = Map.copyOf(read);
        loadedAt = System.nanoTime();
        loaded = true;
    }

    private MongoCollection<Document> registry() {
        return database.getCollection(COLLECTION);
    }
}
