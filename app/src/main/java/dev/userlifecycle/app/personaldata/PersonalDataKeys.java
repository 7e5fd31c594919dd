package dev.userlifecycle.app.personaldata;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * One key per user in {@code personal_data_keys}, {@code _id} = the user id: {@code key} (32 random bytes) and
 * {@code createdAt}, or, once the user's personal data is erased, no key and {@code erasedAt}. The erased document
 * stays, so that personal data arriving for an erased user later is not stored under a new key. Every request goes
 * by {@code _id}.
 */
final class PersonalDataKeys {

    static final String COLLECTION = "personal_data_keys";
    static final String ID = "_id";
    static final String KEY = "key";
    static final String CREATED_AT = "createdAt";
    static final String ERASED_AT = "erasedAt";

    private final MongoCollection<Document> keys;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    PersonalDataKeys(MongoDatabase database, PersonalDataCipher cipher, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A user's key as stored: its bytes, erased, or none yet. */
    record UserKey(byte[] bytes, boolean erased) {

        static final UserKey NONE = new UserKey(null, false);
        static final UserKey ERASED = new UserKey(null, true);

        boolean present() {
            return bytes != null;
        }
    }

    UserKey find(String userId) {
        Document document = keys.find(Filters.eq(ID, userId)).first();
        if (document == null) {
            return UserKey.NONE;
        }
        Binary key = document.get(KEY, Binary.class);
        return key == null ? UserKey.ERASED : new UserKey(key.getData(), false);
    }

    /**
     * The key to encrypt the user's personal data with, created at the first use. It is inserted before it is looked
     * for, because personal data is written almost only at registration, when there is no key yet. Of two processes
     * creating it at once, the one that inserts first wins and the other takes the winner's key: the unique
     * {@code _id} never lets two keys exist. {@link UserKey#ERASED} for an erased user.
     */
    UserKey forWriting(String userId) {
        while (true) {
            byte[] key = cipher.newKey();
            try {
                keys.insertOne(new Document(ID, userId).append(KEY, new Binary(key))
                                                       .append(CREATED_AT, Date.from(clock.instant())));
                return new UserKey(key, false);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            UserKey existing = find(userId);
            if (existing.present() || existing.erased()) {
                return existing;
            }
        }
    }

    /**
     * Deletes the user's key for good, keeping the fact that it was erased at {@code erasedAt}. Idempotent: erasing
     * again with the same time changes nothing, and a user without a key gets the erased document all the same.
     */
    void erase(String userId, Instant erasedAt) {
        try {
            eraseOnce(userId, erasedAt);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            eraseOnce(userId, erasedAt); // an upsert that raced an insert of the key: the document exists now
        }
    }

    private void eraseOnce(String userId, Instant erasedAt) {
        keys.updateOne(Filters.eq(ID, userId),
                       Updates.combine(Updates.unset(KEY), Updates.set(ERASED_AT, Date.from(erasedAt))),
                       new UpdateOptions().upsert(true));
    }
}
