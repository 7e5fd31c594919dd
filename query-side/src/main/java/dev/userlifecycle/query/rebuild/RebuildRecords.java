package dev.userlifecycle.query.rebuild;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The latest rebuild of every projection, in {@value #COLLECTION} ({@code _id}: the projection), shared by every
 * process: the state a restart resumes from and the progress any process answers with. Updates name the rebuild's
 * generation, so a runner that lost its rebuild to a newer one changes nothing.
 */
final class RebuildRecords {

    static final String COLLECTION = "projection_rebuilds";

    private final MongoDatabase database;

    RebuildRecords(MongoDatabase database) {
        this.database = database;
    }

    /**
     * Records {@code rebuild} as the projection's latest, unless one is running; answers the rebuild it replaced.
     *
     * @throws RebuildInProgressException while a rebuild of the projection runs
     */
    Optional<Rebuild> claim(Rebuild rebuild) {
        try {
            collection().insertOne(rebuild.toDocument());
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document replaced = collection().findOneAndReplace(
                Filters.and(Filters.eq("_id", rebuild.projection()),
                            Filters.in("state", RebuildState.COMPLETED.name(), RebuildState.FAILED.name())),
                rebuild.toDocument());
        if (replaced == null) {
            RebuildState running = find(rebuild.projection()).map(Rebuild::state).orElse(RebuildState.RUNNING);
            throw new RebuildInProgressException(rebuild.projection(), running);
        }
        return Optional.of(Rebuild.from(replaced));
    }

    Optional<Rebuild> find(String projection) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", projection)).first()).map(Rebuild::from);
    }

    /** Rebuilds that were running or switching: after a stop, a process picks them up. */
    List<Rebuild> unfinished() {
        return all().stream().filter(rebuild -> !rebuild.state().finished()).toList();
    }

    /** Completed rebuilds whose previous generation has not been dropped yet. */
    List<Rebuild> unretired() {
        return all().stream().filter(rebuild -> rebuild.state() == RebuildState.COMPLETED && !rebuild.retired())
                    .toList();
    }

    void progress(Rebuild rebuild, long position, long head, double eventsPerSecond, String error, Instant at) {
        update(rebuild, Updates.combine(Updates.set("position", position), Updates.set("headPosition", head),
                                        Updates.set("eventsPerSecond", eventsPerSecond), Updates.set("error", error),
                                        Updates.set("updatedAt", at.toString())));
    }

    void state(Rebuild rebuild, RebuildState state, String error, Instant at) {
        update(rebuild, Updates.combine(Updates.set("state", state.name()), Updates.set("error", error),
                                        Updates.set("updatedAt", at.toString())));
    }

    void completed(Rebuild rebuild, long position, long head, double eventsPerSecond, Instant switchedAt,
                   Instant retireAt) {
        update(rebuild, Updates.combine(Updates.set("state", RebuildState.COMPLETED.name()),
                                        Updates.set("position", position), Updates.set("headPosition", head),
                                        Updates.set("eventsPerSecond", eventsPerSecond), Updates.set("error", null),
                                        Updates.set("switchedAt", switchedAt.toString()),
                                        Updates.set("finishedAt", switchedAt.toString()),
                                        Updates.set("updatedAt", switchedAt.toString()),
                                        Updates.set("retireAt", retireAt.toString())));
    }

    void failed(Rebuild rebuild, String error, Instant at) {
        update(rebuild, Updates.combine(Updates.set("state", RebuildState.FAILED.name()), Updates.set("error", error),
                                        Updates.set("finishedAt", at.toString()),
                                        Updates.set("updatedAt", at.toString())));
    }

    void retired(Rebuild rebuild) {
        update(rebuild, Updates.set("retired", true));
    }

    private void update(Rebuild rebuild, Bson update) {
        collection().updateOne(Filters.and(Filters.eq("_id", rebuild.projection()),
                                           Filters.eq("generation", rebuild.generation())), update);
    }

    private List<Rebuild> all() {
        List<Rebuild> rebuilds = new ArrayList<>();
        collection().find().forEach(document -> rebuilds.add(Rebuild.from(document)));
        return rebuilds;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
