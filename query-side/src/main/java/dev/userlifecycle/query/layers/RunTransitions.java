package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.userlifecycle.events.LayerTransitions;
import dev.userlifecycle.events.LayeringRunSummary;
import dev.userlifecycle.query.layering.Layer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the users moved between layers from one run to another, user by user. Both runs keep a user in the same
 * bucket ({@link AssignmentChunks#bucket}) with the bucket's user ids sorted, so the runs are compared bucket by
 * bucket, one merge of two sorted lists each, reading {@value #BUCKETS_PER_READ} buckets of both runs per
 * {@code _id $in}. A registered run never changes, so the comparison of two runs is computed once and stored
 * ({@value LayeringCollections#TRANSITIONS}, {@code _id} = run id + "<" + the other run's id):
 * <pre>
 * { _id, runId, sinceRunId, moves: [layers × layers, row by row: from the layer in since to the layer in run],
 *   entered: [per layer in run], left: [per layer in since] }
 * </pre>
 */
final class RunTransitions {

    private static final int BUCKETS_PER_READ = 64;
    private static final Layer[] LAYERS = Layer.values();

    private final MongoDatabase database;

    RunTransitions(MongoDatabase database) {
        this.database = database;
    }

    LayerTransitions between(LayeringRunSummary since, LayeringRunSummary run) {
        String id = run.runId() + "<" + since.runId();
        MongoCollection<Document> stored = database.getCollection(LayeringCollections.TRANSITIONS);
        Document document = stored.find(Filters.eq("_id", id)).first();
        if (document == null) {
            document = compare(since.runId(), run.runId()).toDocument(id, run.runId(), since.runId());
            // two requests may compare the same runs at once: both store the same figures
            stored.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        }
        return Counts.of(document).toTransitions(since, run);
    }

    private Counts compare(String sinceRunId, String runId) {
        Counts counts = new Counts();
        MongoCollection<Document> assignments = database.getCollection(LayeringCollections.ASSIGNMENTS);
        for (int first = 0; first < AssignmentChunks.BUCKETS; first += BUCKETS_PER_READ) {
            List<String> ids = new ArrayList<>(2 * BUCKETS_PER_READ);
            for (int bucket = first; bucket < first + BUCKETS_PER_READ; bucket++) {
                ids.add(AssignmentChunks.id(sinceRunId, bucket));
                ids.add(AssignmentChunks.id(runId, bucket));
            }
            Map<String, Document> chunks = new HashMap<>();
            assignments.find(Filters.in("_id", ids)).forEach(chunk -> chunks.put(chunk.getString("_id"), chunk));
            for (int bucket = first; bucket < first + BUCKETS_PER_READ; bucket++) {
                counts.add(chunks.get(AssignmentChunks.id(sinceRunId, bucket)),
                           chunks.get(AssignmentChunks.id(runId, bucket)));
            }
        }
        return counts;
    }

    /** Users per pair of layers (by ordinal), and per layer those in one run only. */
    private static final class Counts {

        private final long[] moves = new long[LAYERS.length * LAYERS.length];
        private final long[] entered = new long[LAYERS.length];
        private final long[] left = new long[LAYERS.length];

        /** Adds the users of one bucket; a chunk is {@code null} when the run has no user in the bucket. */
        void add(Document before, Document after) {
            List<String> beforeIds = before == null ? List.of() : before.getList("userIds", String.class);
            List<String> afterIds = after == null ? List.of() : after.getList("userIds", String.class);
            int[] beforeLayers = before == null ? new int[0] : AssignmentChunks.layerOrdinals(before);
            int[] afterLayers = after == null ? new int[0] : AssignmentChunks.layerOrdinals(after);
            int i = 0;
            int j = 0;
            while (i < beforeIds.size() || j < afterIds.size()) {
                int order = i == beforeIds.size() ? 1
                        : j == afterIds.size() ? -1
                        : beforeIds.get(i).compareTo(afterIds.get(j));
                if (order < 0) {
                    left[beforeLayers[i++]]++;
                } else if (order > 0) {
                    entered[afterLayers[j++]]++;
                } else {
                    moves[beforeLayers[i++] * LAYERS.length + afterLayers[j++]]++;
                }
            }
        }

        Document toDocument(String id, String runId, String sinceRunId) {
            return new Document("_id", id).append("runId", runId).append("sinceRunId", sinceRunId)
                                          .append("moves", list(moves))
                                          .append("entered", list(entered))
                                          .append("left", list(left));
        }

        static Counts of(Document document) {
            Counts counts = new Counts();
            copy(document, "moves", counts.moves);
            copy(document, "entered", counts.entered);
            copy(document, "left", counts.left);
            return counts;
        }

        LayerTransitions toTransitions(LayeringRunSummary since, LayeringRunSummary run) {
            Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
            long stayed = 0;
            long moved = 0;
            for (Layer from : LAYERS) {
                Map<String, Long> row = new LinkedHashMap<>();
                for (Layer to : LAYERS) {
                    long users = moves[from.ordinal() * LAYERS.length + to.ordinal()];
                    row.put(to.name(), users);
                    if (from == to) {
                        stayed += users;
                    } else {
                        moved += users;
                    }
                }
                rows.put(from.name(), row);
            }
            return new LayerTransitions(run, since, Arrays.stream(LAYERS).map(Layer::name).toList(), rows,
                                        byLayer(entered), byLayer(left), stayed, moved);
        }

        private static Map<String, Long> byLayer(long[] counts) {
            Map<String, Long> byLayer = new LinkedHashMap<>();
            for (Layer layer : LAYERS) {
                byLayer.put(layer.name(), counts[layer.ordinal()]);
            }
            return byLayer;
        }

        private static List<Long> list(long[] counts) {
            return Arrays.stream(counts).boxed().toList();
        }

        private static void copy(Document document, String field, long[] into) {
            List<Number> counts = document.getList(field, Number.class);
            for (int i = 0; i < into.length; i++) {
                into[i] = counts.get(i).longValue();
            }
        }
    }
}
