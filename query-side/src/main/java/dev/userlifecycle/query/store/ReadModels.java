package dev.userlifecycle.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Where the read models are: projections and query handlers name a collection by the name they know it by
 * ({@code user_profiles}) and are given the collection that holds it now. A projection rebuilt without downtime
 * writes a fresh copy into collections of another name while the current ones keep answering, and the queries follow
 * the copy once it has caught up.
 */
public interface ReadModels {

    MongoDatabase database();

    /** The name of the collection that holds {@code collection} now. */
    String name(String collection);

    default MongoCollection<Document> collection(String collection) {
        return database().getCollection(name(collection));
    }
}
