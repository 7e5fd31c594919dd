package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.layering.UserFeatures;
import dev.userlifecycle.query.retention.UserFacts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** Reads every stored facts document in one scan and turns it into layering features as of a day. */
final class FactsReader {

    private static final int BATCH_SIZE = 10_000;

    private final MongoDatabase database;

    FactsReader(MongoDatabase database) {
        this.database = database;
    }

    /** The features of every user registered on or before epoch day {@code day}, in the order of the scan. */
    List<UserFeatures> featuresAsOf(int day) {
        MongoCollection<Document> facts = database.getCollection(StoredFacts.COLLECTION);
        List<UserFeatures> features = new ArrayList<>();
        // order ids, referrers and activation are not features: leave them on the server
        try (MongoCursor<Document> cursor = facts.find()
                                                 .projection(Projections.include("sequence", "registeredDay",
                                                                                 "activeDays", "purchases.day",
                                                                                 "purchases.cents"))
                                                 .batchSize(BATCH_SIZE)
                                                 .cursor()) {
            while (cursor.hasNext()) {
                UserFacts user = StoredFacts.toFacts(cursor.next());
                UserFeatures asOf = user == null ? null : FeaturesAsOf.of(user, day);
                if (asOf != null) {
                    features.add(asOf);
                }
            }
        }
        return features;
    }
}
