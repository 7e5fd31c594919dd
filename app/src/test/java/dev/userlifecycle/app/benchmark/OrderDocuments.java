package dev.userlifecycle.app.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.cdnow.CdnowHistory;
import dev.userlifecycle.app.cdnow.CdnowHistory.Line;
import dev.userlifecycle.app.importing.CdnowLines;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The baseline of an import: the raw driver storing one plain document per order of the history, one
 * {@code insertOne} (one round trip) each, in a scratch collection of the same server, which is dropped afterwards.
 */
final class OrderDocuments {

    private static final String COLLECTION = "baseline_orders";

    private OrderDocuments() {
    }

    /** Inserts every order of the history one by one; answers the orders per second. */
    static double insertOneByOne(MongoDatabase database, CdnowHistory history) {
        MongoCollection<Document> orders = database.getCollection(COLLECTION);
        orders.drop();
        long start = System.nanoTime();
        for (Line line : history.lines()) {
            orders.insertOne(document(line));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (orders.countDocuments() != history.lines().size()) {
            throw new IllegalStateException("the baseline stored " + orders.countDocuments() + " orders of "
                                            + history.lines().size());
        }
        orders.drop();
        return history.lines().size() / seconds;
    }

    private static Document document(Line line) {
        return new Document("_id", CdnowLines.orderId(line.lineNumber()))
                .append("userId", CdnowLines.userId(line.customerId()))
                .append("occurredAt", java.util.Date.from(line.date().atTime(LocalTime.NOON)
                                                              .toInstant(ZoneOffset.UTC)))
                .append("amount", new Decimal128(line.dollars()))
                .append("currency", "USD")
                .append("cds", line.cds());
    }
}
