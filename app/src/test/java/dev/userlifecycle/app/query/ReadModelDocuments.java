package dev.userlifecycle.app.query;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.rebuild.ReadModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The documents of the projections' collections, to compare read models document by document. */
final class ReadModelDocuments {

    private ReadModelDocuments() {
    }

    /** Every document of {@code models}' collections in the generation that answers now, by plain name. */
    static Map<String, List<Document>> answering(MongoDatabase database, Generations generations,
                                                 List<ReadModel> models) {
        Map<String, List<Document>> documents = new TreeMap<>();
        for (ReadModel model : models) {
            for (String collection : model.collections()) {
                documents.put(collection, of(database, generations.name(collection)));
            }
        }
        return documents;
    }

    static List<Document> of(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
