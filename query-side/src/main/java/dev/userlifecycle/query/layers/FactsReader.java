package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Projections;
import dev.userlifecycle.query.facts.FactsCodec;
import dev.userlifecycle.query.layering.UserFeatures;
import dev.userlifecycle.query.store.ReadModels;

import java.util.ArrayList;
import java.util.List;

/** Reads every stored facts document in one scan and turns it into layering features as of a day. */
final class FactsReader {

    private static final int BATCH_SIZE = 10_000;

    private final ReadModels readModels;

    FactsReader(ReadModels readModels) {
        this.readModels = readModels;
    }

    /** The features of every user registered on or before epoch day {@code day}, in the order of the scan. */
    List<UserFeatures> featuresAsOf(int day) {
        List<UserFeatures> features = new ArrayList<>();
        // order ids, referrers and activation are not features: leave them on the server
        try (MongoCursor<FactsCodec.Decoded> cursor = FactsCodec.collection(readModels).find()
                .projection(Projections.include("registeredDay", "activeDays", "purchases.day", "purchases.cents"))
                .batchSize(BATCH_SIZE)
                .cursor()) {
            while (cursor.hasNext()) {
                FactsCodec.Decoded stored = cursor.next();
                UserFeatures asOf = stored.facts() == null ? null : FeaturesAsOf.of(stored.facts(), day);
                if (asOf != null) {
                    features.add(asOf);
                }
            }
        }
        return features;
    }
}
