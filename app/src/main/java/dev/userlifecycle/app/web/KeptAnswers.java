package dev.userlifecycle.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers {@link IdempotencyFilter} keeps, seen from the erasure of a user's personal data: a kept registration
 * holds the hash of a request body with the user's contact, so it goes with the contact. Other kept answers of the
 * user (purchases, consents) carry no personal data and stay, so their retries still take effect once.
 */
@Component
public class KeptAnswers {

    /** Kept answers are scoped by caller, method and path ({@link IdempotencyFilter#scopeOf}); owners have no spaces. */
    private static final String REGISTRATIONS = "^\\S+ POST /api/v1/users ";

    private final MongoCollection<Document> records;
    private final ObjectMapper json = new ObjectMapper();

    KeptAnswers(MongoDatabase database) {
        this.records = database.getCollection(IdempotencyFilter.COLLECTION);
    }

    /**
     * Forgets the kept answers to registrations that name the user (created, or refused as registered already).
     * Scans the registrations of the retention period: the key does not name the user, the answer does.
     */
    public long forgetRegistrationsOf(String userId) {
        List<String> ids = new ArrayList<>();
        for (Document record : records.find(Filters.regex(IdempotencyRecord.ID, REGISTRATIONS))) {
            if (namesUser(IdempotencyRecord.of(record).body(), userId)) {
                ids.add(record.getString(IdempotencyRecord.ID));
            }
        }
        return ids.isEmpty() ? 0 : records.deleteMany(Filters.in(IdempotencyRecord.ID, ids)).getDeletedCount();
    }

    /** {@code {"userId": ...}} of a registration, or a problem about the field userId that quotes the user. */
    private boolean namesUser(byte[] answer, String userId) {
        JsonNode body;
        try {
            body = json.readTree(answer);
        } catch (IOException e) {
            return false;
        }
        if (body == null) {
            return false;
        }
        if (userId.equals(body.path("userId").textValue())) {
            return true;
        }
        boolean aboutUserId = body.path("errors").findValuesAsText("field").contains("userId");
        return aboutUserId && body.path("detail").asText().contains("'" + userId + "'");
    }
}
