package dev.userlifecycle.sagas.outreach;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.userlifecycle.events.Channel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default adapter: sends nothing and records every message in {@code outreach_messages}, one document per
 * idempotency key ({@code _id}), so a demo or a test can see what would have been sent. The unique {@code _id} makes
 * a second send of the same key a no-op that answers the first receipt.
 */
public class RecordingOutreachGateway implements OutreachGateway {

    public static final String COLLECTION = "outreach_messages";

    private final MongoCollection<Document> messages;
    private final Clock clock;

    public RecordingOutreachGateway(MongoDatabase database, Clock clock) {
        this.messages = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        Instant now = clock.instant();
        try {
            messages.insertOne(toDocument(message, now));
            return new OutreachReceipt(message.idempotencyKey(), OutreachReceipt.Status.DELIVERED, 1, now, null);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document stored = messages.find(Filters.eq("_id", message.idempotencyKey())).first();
            Instant recordedAt = stored == null ? now : stored.getDate("recordedAt").toInstant();
            return new OutreachReceipt(message.idempotencyKey(), OutreachReceipt.Status.ALREADY_DELIVERED, 1,
                                       recordedAt, null);
        }
    }

    /**
     * The recorded messages, newest first, optionally of one user and one campaign. There is no index on
     * {@code userId} or {@code campaignId}: the embedded server scans the collection for any filter other than
     * {@code _id}, which is fine for a demo listing and not meant for production volumes.
     */
    public List<RecordedOutreach> list(String userId, String campaignId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (userId != null && !userId.isBlank()) {
            filters.add(Filters.eq("userId", userId));
        }
        if (campaignId != null && !campaignId.isBlank()) {
            filters.add(Filters.eq("campaignId", campaignId));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<RecordedOutreach> found = new ArrayList<>();
        messages.find(filter)
                .sort(Sorts.descending("recordedAt", "_id"))
                .limit(limit)
                .forEach(document -> found.add(fromDocument(document)));
        return found;
    }

    private static Document toDocument(OutreachMessage message, Instant recordedAt) {
        return new Document("_id", message.idempotencyKey())
                .append("userId", message.userId())
                .append("campaignId", message.campaignId())
                .append("step", message.step())
                .append("channel", message.channel().name())
                .append("template", message.template())
                .append("parameters", new Document(new LinkedHashMap<>(message.parameters())))
                .append("occurredAt", Date.from(message.occurredAt()))
                .append("recordedAt", Date.from(recordedAt));
    }

    private static RecordedOutreach fromDocument(Document document) {
        Map<String, String> parameters = new LinkedHashMap<>();
        document.get("parameters", Document.class).forEach((name, value) -> parameters.put(name, (String) value));
        return new RecordedOutreach(document.getString("_id"), document.getString("userId"),
                                    document.getString("campaignId"), document.getString("step"),
                                    Channel.valueOf(document.getString("channel")), document.getString("template"),
                                    parameters, document.getDate("occurredAt").toInstant(),
                                    document.getDate("recordedAt").toInstant());
    }
}
