package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LayeringFeatures;
import dev.userlifecycle.events.ProfileRfm;
import dev.userlifecycle.events.UserLayer;
import dev.userlifecycle.query.layering.LayeringResult;
import dev.userlifecycle.query.layering.RfmSegment;
import dev.userlifecycle.query.layering.UserFeatures;
import dev.userlifecycle.query.layering.UserLayering;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of a run in {@value #BUCKETS} documents of parallel arrays, one per non-empty bucket:
 * <pre>
 * { _id: runId + ":" + bucket, runId, bucket, asOf: ISO instant, asOfDay: ISO date, layers: [layer by cluster],
 *   userIds: [sorted], cluster: [int], r: [int], f: [int], m: [int],
 *   recencyDays: [int], activeDays30: [int], activeDays90: [int], frequency: [int], monetary: [double] }
 * </pre>
 * A user's bucket is {@code floorMod(userId.hashCode(), BUCKETS)}: {@link String#hashCode()} is fixed by the Java
 * language specification, so the bucket of a user never changes between processes or versions.
 */
final class AssignmentChunks {

    static final int BUCKETS = 1024;

    private AssignmentChunks() {
    }

    static int bucket(String userId) {
        return Math.floorMod(userId.hashCode(), BUCKETS);
    }

    static String id(String runId, String userId) {
        return runId + ":" + bucket(userId);
    }

    /** The documents of a run; {@code features} by user id, users in the order of {@code result} (by id). */
    static List<Document> of(String runId, Instant asOf, LocalDate asOfDay, LayeringResult result,
                             Map<String, UserFeatures> features) {
        List<String> layers = result.clusters().stream().map(cluster -> cluster.layer().name()).toList();
        Document[] chunks = new Document[BUCKETS];
        for (UserLayering user : result.users()) {
            int bucket = bucket(user.userId());
            if (chunks[bucket] == null) {
                chunks[bucket] = emptyChunk(runId, bucket, asOf, asOfDay, layers);
            }
            append(chunks[bucket], user, features.get(user.userId()));
        }
        List<Document> documents = new ArrayList<>();
        for (Document chunk : chunks) {
            if (chunk != null) {
                documents.add(chunk);
            }
        }
        return documents;
    }

    /** Where {@code userId} is in the run of {@code chunk}, the chunk of the user's bucket. */
    static Optional<UserLayer> find(Document chunk, String userId) {
        List<String> userIds = chunk.getList("userIds", String.class);
        int at = Collections.binarySearch(userIds, userId);
        if (at < 0) {
            return Optional.empty();
        }
        int cluster = intAt(chunk, "cluster", at);
        int r = intAt(chunk, "r", at);
        int f = intAt(chunk, "f", at);
        int m = intAt(chunk, "m", at);
        LayeringFeatures features = new LayeringFeatures(intAt(chunk, "recencyDays", at),
                                                         intAt(chunk, "activeDays30", at),
                                                         intAt(chunk, "activeDays90", at),
                                                         intAt(chunk, "frequency", at),
                                                         ((Number) chunk.getList("monetary", Object.class).get(at))
                                                                 .doubleValue());
        return Optional.of(new UserLayer(chunk.getString("runId"), Instant.parse(chunk.getString("asOf")),
                                         LocalDate.parse(chunk.getString("asOfDay")),
                                         chunk.getList("layers", String.class).get(cluster), cluster,
                                         new ProfileRfm(r, f, m, RfmSegment.of(r, f, m).name()), features));
    }

    private static Document emptyChunk(String runId, int bucket, Instant asOf, LocalDate asOfDay, List<String> layers) {
        Document chunk = new Document("_id", runId + ":" + bucket).append("runId", runId).append("bucket", bucket)
                                                                  .append("asOf", asOf.toString())
                                                                  .append("asOfDay", asOfDay.toString())
                                                                  .append("layers", layers);
        for (String column : List.of("userIds", "cluster", "r", "f", "m", "recencyDays", "activeDays30",
                                     "activeDays90", "frequency", "monetary")) {
            chunk.append(column, new ArrayList<>());
        }
        return chunk;
    }

    private static void append(Document chunk, UserLayering user, UserFeatures features) {
        add(chunk, "userIds", user.userId());
        add(chunk, "cluster", user.cluster());
        add(chunk, "r", user.rfm().recency());
        add(chunk, "f", user.rfm().frequency());
        add(chunk, "m", user.rfm().monetary());
        add(chunk, "recencyDays", (int) features.recencyDays());
        add(chunk, "activeDays30", features.activeDays30());
        add(chunk, "activeDays90", features.activeDays90());
        add(chunk, "frequency", features.frequency());
        add(chunk, "monetary", features.monetary());
    }

    @SuppressWarnings("unchecked")
    private static void add(Document chunk, String column, Object value) {
        ((List<Object>) chunk.get(column)).add(value);
    }

    private static int intAt(Document chunk, String column, int at) {
        return ((Number) chunk.getList(column, Object.class).get(at)).intValue();
    }
}
