package dev.userlifecycle.query.incidents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.userlifecycle.events.IncidentApologySent;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentCompensationRecorded;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.IncidentEvent;
import dev.userlifecycle.events.IncidentMilestoneMissed;
import dev.userlifecycle.events.IncidentMilestoneReached;
import dev.userlifecycle.query.store.DocumentBatch;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The incident read model: one document per incident in {@value #COLLECTION} (counts, milestones, status), and its
 * affected users' ids apart in {@value #AFFECTED_USERS}, so that the documents every event of the incident rewrites
 * stay small. Idempotent under re-delivery: a document keeps the sequence number of the last event of the incident's
 * stream it applied and ignores any event at or below it; the documents of a tracking batch are read and written
 * together ({@link DocumentBatch}).
 */
@ProcessingGroup(IncidentProjection.PROCESSING_GROUP)
public class IncidentProjection {

    public static final String PROCESSING_GROUP = "incidents";
    public static final String COLLECTION = "incidents";
    public static final String AFFECTED_USERS = "incident_affected_users";

    private final ReadModels readModels;

    public IncidentProjection(ReadModels readModels) {
        this.readModels = readModels;
    }

    @EventHandler
    void on(IncidentDeclared event, @SequenceNumber long sequence) {
        // written at once, not with the batch: the same ids every time, so a batch handled again changes nothing
        readModels.collection(AFFECTED_USERS).replaceOne(
                Filters.eq("_id", event.incidentId()),
                new Document("_id", event.incidentId()).append("userIds", List.copyOf(event.affectedUserIds())),
                new ReplaceOptions().upsert(true));
        apply(event, sequence, incident -> incident.declared(event));
    }

    @EventHandler
    void on(IncidentApologySent event, @SequenceNumber long sequence) {
        apply(event, sequence, IncidentState::apologySent);
    }

    @EventHandler
    void on(IncidentCompensationRecorded event, @SequenceNumber long sequence) {
        apply(event, sequence, incident -> incident.compensated(event.points()));
    }

    @EventHandler
    void on(IncidentMilestoneReached event, @SequenceNumber long sequence) {
        apply(event, sequence, incident -> incident.reached(event.milestone(), event.dueBy(), event.occurredAt(),
                                                            event.met()));
    }

    @EventHandler
    void on(IncidentMilestoneMissed event, @SequenceNumber long sequence) {
        apply(event, sequence, incident -> incident.missed(event.milestone(), event.dueBy(), event.occurredAt()));
    }

    @EventHandler
    void on(IncidentClosed event, @SequenceNumber long sequence) {
        apply(event, sequence, incident -> incident.closed(event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        collection().drop();
        readModels.collection(AFFECTED_USERS).drop();
    }

    private void apply(IncidentEvent event, long sequence, Consumer<IncidentState> change) {
        DocumentBatch batch = DocumentBatch.current(collection(), IncidentProjection::idsOf);
        try {
            Document stored = batch.get(event.incidentId());
            IncidentState incident = stored == null ? IncidentState.empty(event.incidentId())
                    : IncidentState.from(stored);
            if (incident.hasApplied(sequence)) {
                return;
            }
            change.accept(incident);
            incident.applied(sequence);
            batch.put(event.incidentId(), incident.toDocument());
        } finally {
            batch.endOfEvent();
        }
    }

    private static Collection<String> idsOf(Message<?> message) {
        return message.getPayload() instanceof IncidentEvent event ? List.of(event.incidentId()) : List.of();
    }

    private MongoCollection<Document> collection() {
        return readModels.collection(COLLECTION);
    }
}
