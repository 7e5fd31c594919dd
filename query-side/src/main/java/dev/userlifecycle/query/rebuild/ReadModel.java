package dev.userlifecycle.query.rebuild;

import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.incidents.IncidentProjection;
import dev.userlifecycle.query.points.PointsLedgerProjection;
import dev.userlifecycle.query.profile.UserProfileProjection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The projections of the query side and the collections each one writes. A projection is rebuilt as a whole: every
 * collection it owns gets a fresh generation together ({@code user-facts} owns its facts and the analytics documents
 * derived from them).
 */
public enum ReadModel {

    USER_PROFILES(UserProfileProjection.PROCESSING_GROUP, UserProfileProjection.COLLECTION),
    USER_FACTS(UserFactsProjection.PROCESSING_GROUP, StoredFacts.COLLECTION, AnalyticsStore.COLLECTION),
    POINTS_LEDGER(PointsLedgerProjection.PROCESSING_GROUP, PointsLedgerProjection.COLLECTION),
    INCIDENTS(IncidentProjection.PROCESSING_GROUP, IncidentProjection.COLLECTION, IncidentProjection.AFFECTED_USERS);

    private static final Map<String, ReadModel> BY_COLLECTION = new HashMap<>();

    static {
        for (ReadModel model : values()) {
            model.collections.forEach(collection -> BY_COLLECTION.put(collection, model));
        }
    }

    private final String projection;
    private final List<String> collections;

    ReadModel(String projection, String... collections) {
        this.projection = projection;
        this.collections = List.of(collections);
    }

    /** The projection's name: its processing group. */
    public String projection() {
        return projection;
    }

    public List<String> collections() {
        return collections;
    }

    public static Optional<ReadModel> named(String projection) {
        return Arrays.stream(values()).filter(model -> model.projection.equals(projection)).findFirst();
    }

    /** The projection that owns {@code collection}, if one does. */
    static Optional<ReadModel> owning(String collection) {
        return Optional.ofNullable(BY_COLLECTION.get(collection));
    }

    /** Generation 0 keeps the plain names, so the read models of a store that was never rebuilt stay where they are. */
    static String collectionIn(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }

    /** The names of every collection of this projection in {@code generation}. */
    List<String> collectionsIn(int generation) {
        return collections.stream().map(collection -> collectionIn(collection, generation)).toList();
    }
}
