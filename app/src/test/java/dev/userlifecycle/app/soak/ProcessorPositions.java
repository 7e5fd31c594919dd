package dev.userlifecycle.app.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.Binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the service's event processors stand, read from outside with the plain driver: the position of each
 * processor's stored token (Axon's token store, collection {@value #TOKENS}) against the highest position in the event
 * store. A processor at or beyond the last event has handled everything stored.
 */
public final class ProcessorPositions {

    static final String TOKENS = "trackingtokens";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessorPositions() {
    }

    /** The global position of the last stored event (0 when there is none). */
    public static long head(MongoDatabase database) {
        Document last = database.getCollection("events").find().sort(Sorts.descending("_id")).limit(1).first();
        return last == null ? 0 : ((Number) last.get("_id")).longValue();
    }

    /**
     * The last position the store has handed out: the head without a sort of the events, which on the embedded
     * server reads every event. A commit in progress, or rolled back, may hold it without its event being stored.
     */
    public static long allocated(MongoDatabase database) {
        Document counter = database.getCollection("event_counters").find(Filters.eq("_id", "events")).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    /** Each processor's position: the lowest of its segments' tokens; -1 for a token without a position. */
    public static Map<String, Long> positions(MongoDatabase database) {
        Map<String, Long> positions = new TreeMap<>();
        for (Document entry : database.getCollection(TOKENS).find()) {
            long position = position(entry.get("token"));
            positions.merge(entry.getString("processorName"), position, Math::min);
        }
        return positions;
    }

    /**
     * Waits until every named processor (each of them, when {@code processors} is empty) has a token at the last
     * event, and the last event stays where it is for a second (the loyalty processor appends while it follows).
     * Answers the head.
     */
    public static long awaitCaughtUp(MongoDatabase database, Collection<String> processors, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long stableHead = -1;
        while (System.nanoTime() < deadline) {
            long head = head(database);
            Map<String, Long> positions = positions(database);
            boolean present = processors.isEmpty() ? !positions.isEmpty() : positions.keySet().containsAll(processors);
            boolean caughtUp = present && positions.entrySet().stream()
                                                   .filter(e -> processors.isEmpty()
                                                                || processors.contains(e.getKey()))
                                                   .allMatch(e -> e.getValue() >= head);
            if (caughtUp && head == stableHead) {
                return head;
            }
            stableHead = caughtUp ? head : -1;
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("processors not at the last event (" + head(database) + ") within "
                                        + timeout + ": " + positions(database));
    }

    /**
     * When the first event after {@code position} was stored (epoch millis), looked up by {@code _id} as positions
     * follow each other (a gap of a rolled-back commit is skipped); empty when none of the next few is stored.
     */
    public static Optional<Long> storedAfter(MongoDatabase database, long position) {
        for (long next = position + 1; next <= position + 10; next++) {
            Document event = database.getCollection("events").find(Filters.eq("_id", next))
                                     .projection(Projections.include("storedAt")).first();
            if (event != null) {
                return Optional.of(event.getDate("storedAt").getTime());
            }
        }
        return Optional.empty();
    }

    private static long position(Object token) {
        byte[] bytes = token instanceof Binary binary ? binary.getData()
                : token instanceof byte[] raw ? raw
                : token instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes == null) {
            return -1;
        }
        try {
            return index(JSON.readTree(bytes));
        } catch (IOException e) {
            return -1;
        }
    }

    /** A {@code GapAwareTrackingToken}'s {@code index}, also inside a {@code ReplayToken}'s current token. */
    private static long index(JsonNode token) {
        if (token == null || token.isNull() || token.isMissingNode()) {
            return -1;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        return index(token.get("currentToken"));
    }
}
