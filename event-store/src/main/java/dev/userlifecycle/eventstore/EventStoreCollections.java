package dev.userlifecycle.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The three collections the engine owns in one database.
 * <ul>
 *     <li>{@code events}: one document per event, keyed by its global position;</li>
 *     <li>{@code event_streams}: one document per aggregate, keyed by the aggregate identifier, holding the last
 *     sequence number, the position of every event of the stream and the aggregate's latest snapshot: one read by
 *     {@code _id} gives everything needed to load the aggregate but its events;</li>
 *     <li>{@code counters}: the atomic counter that hands out global positions.</li>
 * </ul>
 */
public record EventStoreCollections(MongoCollection<Document> events,
                                    MongoCollection<Document> streams,
                                    MongoCollection<Document> counters) {

    public static EventStoreCollections in(MongoDatabase database) {
        return withPrefix(database, "");
    }

    public static EventStoreCollections withPrefix(MongoDatabase database, String prefix) {
        return new EventStoreCollections(database.getCollection(prefix + "events"),
                                         database.getCollection(prefix + "event_streams"),
                                         database.getCollection(prefix + "event_counters"));
    }

    /**
     * Creates the one secondary index: a unique (aggregate, sequence) index on the events. No hot path queries it
     * (they all go through {@code _id}); it is a second guard against a duplicate sequence number and lets an
     * operator find an aggregate's events on a real MongoDB without a collection scan.
     */
    public void createIndexes() {
        events.createIndex(Indexes.ascending(EventDocuments.AGGREGATE_ID, EventDocuments.SEQUENCE),
                           new IndexOptions().unique(true).name("aggregate_sequence"));
    }

    /** Removes every event, stream (with its snapshot) and counter: for tests and benchmarks only. */
    public void dropAll() {
        events.drop();
        streams.drop();
        counters.drop();
    }
}
