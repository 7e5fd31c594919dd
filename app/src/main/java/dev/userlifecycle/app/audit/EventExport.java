package dev.userlifecycle.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.userlifecycle.eventstore.StoredEvent;
import dev.userlifecycle.eventstore.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes every event stored in a time range as NDJSON: one {@link AuditedEvent} per line, in the order of their
 * positions, read in batches as they are written (see {@link StoredEvents#storedBetween} for how the range is found
 * and what the clock skew allowance is for). A failure after the first line can no longer change the response's
 * status, so it ends the output with a line {@code {"error": ..., "afterPosition": ...}}.
 */
final class EventExport {

    private static final Logger logger = LoggerFactory.getLogger(EventExport.class);
    private static final int FLUSH_EVERY = 100;

    private final StoredEvents storedEvents;
    private final AuditedEvents auditedEvents;
    private final ObjectWriter json;
    private final Duration clockSkew;

    EventExport(StoredEvents storedEvents, AuditedEvents auditedEvents, ObjectMapper json, Duration clockSkew) {
        this.storedEvents = storedEvents;
        this.auditedEvents = auditedEvents;
        this.json = json.writer().without(SerializationFeature.INDENT_OUTPUT);
        this.clockSkew = clockSkew;
    }

    void write(Instant from, Instant to, OutputStream out) throws IOException {
        long afterPosition = 0;
        long lines = 0;
        try (Stream<StoredEvent> events = storedEvents.storedBetween(from, to, clockSkew)) {
            Iterator<StoredEvent> iterator = events.iterator();
            while (iterator.hasNext()) {
                StoredEvent event = iterator.next();
                for (AuditedEvent audited : auditedEvents.render(event)) {
                    writeLine(out, audited);
                    if (++lines % FLUSH_EVERY == 0) {
                        out.flush();
                    }
                }
                afterPosition = event.position();
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            logger.error("The export of events stored from {} to {} failed after position {}", from, to,
                         afterPosition, e);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", "the export failed and is incomplete: " + e.getMessage());
            error.put("afterPosition", afterPosition);
            writeLine(out, error);
        }
        out.flush();
    }

    private void writeLine(OutputStream out, Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
    }
}
