package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LayeringFeatures;
import dev.userlifecycle.events.ProfileRfm;
import dev.userlifecycle.events.UserLayer;
import dev.userlifecycle.query.layering.Layer;
import dev.userlifecycle.query.layering.LayeringResult;
import dev.userlifecycle.query.layering.RfmSegment;
import dev.userlifecycle.query.layering.UserFeatures;
import dev.userlifecycle.query.layering.UserLayering;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of a run in {@value #BUCKETS} documents, one per non-empty bucket:
 * <pre>
 * { _id: runId + ":" + bucket, runId, bucket, asOf: ISO instant, asOfDay: ISO date, layers: [layer by cluster],
 *   userIds: [sorted], assignments: binary, one record of {@value #RECORD} bytes per user id, in their order:
 *   cluster, r, f, m (a byte each), recencyDays (int), activeDays30, activeDays90 (a byte each), frequency (int),
 *   monetary (double), big-endian }
 * </pre>
 * The figures are packed into one binary field rather than ten arrays because the embedded server encodes and
 * copies every array element one by one: a thousand users per document would be ten thousand elements to write
 * and to read for every profile.
 * A user's bucket is {@code floorMod(userId.hashCode(), BUCKETS)}: {@link String#hashCode()} is fixed by the Java
 * language specification, so the bucket of a user never changes between processes or versions.
 */
final class AssignmentChunks {

    static final int BUCKETS = 1024;
    static final int RECORD = 4 + 4 + 2 + 4 + 8;

    private AssignmentChunks() {
    }

    static int bucket(String userId) {
        return Math.floorMod(userId.hashCode(), BUCKETS);
    }

    static String id(String runId, String userId) {
        return id(runId, bucket(userId));
    }

    static String id(String runId, int bucket) {
        return runId + ":" + bucket;
    }

    /** The documents of a run; {@code features} by user id, users in the order of {@code result} (by id). */
    static List<Document> of(String runId, Instant asOf, LocalDate asOfDay, LayeringResult result,
                             Map<String, UserFeatures> features) {
        List<List<UserLayering>> buckets = new ArrayList<>(BUCKETS);
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            buckets.add(new ArrayList<>());
        }
        for (UserLayering user : result.users()) {
            buckets.get(bucket(user.userId())).add(user);
        }
        List<String> layers = result.clusters().stream().map(cluster -> cluster.layer().name()).toList();
        List<Document> documents = new ArrayList<>();
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            List<UserLayering> users = buckets.get(bucket);
            if (users.isEmpty()) {
                continue;
            }
            List<String> userIds = new ArrayList<>(users.size());
            ByteBuffer records = ByteBuffer.allocate(users.size() * RECORD);
            for (UserLayering user : users) {
                userIds.add(user.userId());
                write(records, user, features.get(user.userId()));
            }
            documents.add(new Document("_id", id(runId, bucket)).append("runId", runId).append("bucket", bucket)
                                                                .append("asOf", asOf.toString())
                                                                .append("asOfDay", asOfDay.toString())
                                                                .append("layers", layers)
                                                                .append("userIds", userIds)
                                                                .append("assignments", new Binary(records.array())));
        }
        return documents;
    }

    /** Where {@code userId} is in the run of {@code chunk}, the chunk of the user's bucket. */
    static Optional<UserLayer> find(Document chunk, String userId) {
        int at = Collections.binarySearch(chunk.getList("userIds", String.class), userId);
        if (at < 0) {
            return Optional.empty();
        }
        ByteBuffer record = ByteBuffer.wrap(chunk.get("assignments", Binary.class).getData(), at * RECORD, RECORD);
        int cluster = record.get();
        int r = record.get();
        int f = record.get();
        int m = record.get();
        LayeringFeatures features = new LayeringFeatures(record.getInt(), record.get(), record.get(), record.getInt(),
                                                         record.getDouble());
        return Optional.of(new UserLayer(chunk.getString("runId"), Instant.parse(chunk.getString("asOf")),
                                         LocalDate.parse(chunk.getString("asOfDay")),
                                         chunk.getList("layers", String.class).get(cluster), cluster,
                                         new ProfileRfm(r, f, m, RfmSegment.of(r, f, m).name()), features));
    }

    /**
     * The layer of each user of {@code chunk}, in the order of its {@code userIds}, as the ordinal of
     * {@link Layer}.
     */
    static int[] layerOrdinals(Document chunk) {
        List<String> layers = chunk.getList("layers", String.class);
        int[] ordinalByCluster = new int[layers.size()];
        for (int cluster = 0; cluster < layers.size(); cluster++) {
            ordinalByCluster[cluster] = Layer.valueOf(layers.get(cluster)).ordinal();
        }
        byte[] records = chunk.get("assignments", Binary.class).getData();
        int[] ordinals = new int[records.length / RECORD];
        for (int user = 0; user < ordinals.length; user++) {
            ordinals[user] = ordinalByCluster[records[user * RECORD]];
        }
        return ordinals;
    }

    private static void write(ByteBuffer records, UserLayering user, UserFeatures features) {
        records.put((byte) user.cluster())
               .put((byte) user.rfm().recency())
               .put((byte) user.rfm().frequency())
               .put((byte) user.rfm().monetary())
               .putInt((int) features.recencyDays())
               .put((byte) features.activeDays30())
               .put((byte) features.activeDays90())
               .putInt(features.frequency())
               .putDouble(features.monetary());
    }
}
