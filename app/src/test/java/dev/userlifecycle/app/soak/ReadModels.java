package dev.userlifecycle.app.soak;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.incidents.IncidentProjection;
import dev.userlifecycle.query.points.PointsLedgerProjection;
import dev.userlifecycle.query.profile.UserProfileProjection;
import org.bson.Document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * The read models of the query projections: reading them all, emptying them (with their processors' tokens) in a copy
 * of the data file, and comparing two readings document by document.
 */
final class ReadModels {

    /** The processing groups of the query projections and the collections they write. */
    static final List<String> PROCESSORS = List.of(UserProfileProjection.PROCESSING_GROUP,
                                                   UserFactsProjection.PROCESSING_GROUP,
                                                   PointsLedgerProjection.PROCESSING_GROUP,
                                                   IncidentProjection.PROCESSING_GROUP);
    static final List<String> COLLECTIONS = List.of(UserProfileProjection.COLLECTION, StoredFacts.COLLECTION,
                                                    "analytics", PointsLedgerProjection.COLLECTION,
                                                    IncidentProjection.COLLECTION, IncidentProjection.AFFECTED_USERS);
    private static final int SHOWN_PER_COLLECTION = 10;

    /**
     * A field of a read model that may differ between the live service and a rebuild, as long as {@code holds} is
     * true of the live value and the rebuilt one; {@code why} says why it may differ.
     */
    record Allowance(String collection, String field, String why, BiPredicate<Object, Object> holds) {
    }

    /** Every read model: collection name to documents by {@code _id}. */
    record Snapshot(Map<String, Map<Object, Document>> collections) {

        int documents() {
            return collections.values().stream().mapToInt(Map::size).sum();
        }
    }

    private ReadModels() {
    }

    static Snapshot read(MongoDatabase database) {
        Map<String, Map<Object, Document>> collections = new LinkedHashMap<>();
        for (String name : COLLECTIONS) {
            Map<Object, Document> documents = new LinkedHashMap<>();
            database.getCollection(name).find().batchSize(1_000)
                    .forEach(document -> documents.put(document.get("_id"), document));
            collections.put(name, documents);
        }
        return new Snapshot(collections);
    }

    /**
     * Opens a (stopped) service's data file with the embedded server, drops every read model and deletes the query
     * processors' tokens, so that a service started on it builds the read models from the first event.
     */
    static void reset(Path dataFile, String databaseName) {
        MongoServer server = new MongoServer(new H2Backend(dataFile.toAbsolutePath().toString()));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(server.getConnectionString())) {
            MongoDatabase database = client.getDatabase(databaseName);
            COLLECTIONS.forEach(name -> database.getCollection(name).drop());
            database.getCollection(ProcessorPositions.TOKENS).deleteMany(Filters.in("processorName", PROCESSORS));
        } finally {
            server.shutdown();
        }
    }

    /**
     * Compares two readings document by document, every field equal but where an allowance says otherwise; answers one
     * line per difference (at most a few per collection, then how many more).
     */
    static List<String> differences(Snapshot expected, Snapshot actual, List<Allowance> allowances) {
        List<String> differences = new ArrayList<>();
        for (String name : COLLECTIONS) {
            Map<Object, Document> left = expected.collections().get(name);
            Map<Object, Document> right = actual.collections().get(name);
            Map<String, Allowance> allowed = new LinkedHashMap<>();
            allowances.stream().filter(allowance -> allowance.collection().equals(name))
                      .forEach(allowance -> allowed.put(allowance.field(), allowance));
            List<String> found = new ArrayList<>();
            for (Map.Entry<Object, Document> entry : left.entrySet()) {
                Document other = right.get(entry.getKey());
                if (other == null) {
                    found.add(name + " " + entry.getKey() + ": missing from the rebuild");
                } else {
                    String fields = fieldDifferences(entry.getValue(), other, allowed);
                    if (!fields.isEmpty()) {
                        found.add(name + " " + entry.getKey() + ": " + fields);
                    }
                }
            }
            right.keySet().stream().filter(id -> !left.containsKey(id))
                 .forEach(id -> found.add(name + " " + id + ": only in the rebuild"));
            differences.addAll(found.subList(0, Math.min(found.size(), SHOWN_PER_COLLECTION)));
            if (found.size() > SHOWN_PER_COLLECTION) {
                differences.add(name + ": " + (found.size() - SHOWN_PER_COLLECTION) + " more differences");
            }
        }
        return differences;
    }

    private static String fieldDifferences(Document left, Document right, Map<String, Allowance> allowed) {
        Set<String> fields = new TreeSet<>(left.keySet());
        fields.addAll(right.keySet());
        List<String> differing = new ArrayList<>();
        for (String field : fields) {
            Allowance allowance = allowed.get(field);
            boolean same = allowance == null ? Objects.equals(left.get(field), right.get(field))
                    : allowance.holds().test(left.get(field), right.get(field));
            if (!same) {
                differing.add(field + " " + shorten(left.get(field)) + " vs rebuilt " + shorten(right.get(field)));
            }
        }
        return String.join("; ", differing);
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
