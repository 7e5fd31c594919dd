package dev.userlifecycle.app.importing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;

/**
 * How far each imported file got, in {@value #COLLECTION}, keyed by what decides how its lines are read: the SHA-256
 * of the file, the format, the default currency and the time zone. {@code committedThrough} is the line number
 * through which every line's commands were acknowledged, so a run of the same file skips to the line after it.
 */
public class ImportCheckpoints {

    public static final String COLLECTION = "import_checkpoints";

    private final MongoCollection<Document> checkpoints;
    private final Clock clock;

    public ImportCheckpoints(MongoDatabase database, Clock clock) {
        this.checkpoints = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    static String key(String digest, ImportFormat format, String currency, String zone) {
        return digest + ':' + format.label() + ':' + currency + ':' + zone;
    }

    /** The line through which the file was imported; 0 when it never was. */
    int committedThrough(String key) {
        Document checkpoint = checkpoints.find(Filters.eq("_id", key)).first();
        return checkpoint == null ? 0 : checkpoint.getInteger("committedThrough", 0);
    }

    void save(String key, OrderFile file, ImportFormat format, int committedThrough, boolean completed) {
        checkpoints.replaceOne(Filters.eq("_id", key),
                               new Document("_id", key).append("file", file.name())
                                                       .append("format", format.label())
                                                       .append("lines", file.dataLines())
                                                       .append("committedThrough", committedThrough)
                                                       .append("completed", completed)
                                                       .append("updatedAt", Date.from(clock.instant())),
                               new ReplaceOptions().upsert(true));
    }
}
