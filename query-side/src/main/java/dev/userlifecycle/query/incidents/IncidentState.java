package dev.userlifecycle.query.incidents;

import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.IncidentStatus;
import dev.userlifecycle.events.IncidentView;
import dev.userlifecycle.events.Severity;
import org.bson.Document;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The mutable state of one incident between reading its document and writing it back. */
final class IncidentState {

    private final String incidentId;
    private Long sequence;
    private String title;
    private Severity severity;
    private Instant declaredAt;
    private IncidentStatus status = IncidentStatus.OPEN;
    private Instant closedAt;
    private int affectedUsers;
    private int apologised;
    private int compensated;
    private long compensationPoints;
    private final Map<IncidentMilestone, IncidentView.Milestone> milestones = new EnumMap<>(IncidentMilestone.class);

    private IncidentState(String incidentId) {
        this.incidentId = incidentId;
        for (IncidentMilestone milestone : IncidentMilestone.values()) {
            milestones.put(milestone, new IncidentView.Milestone(null, null, null, null));
        }
    }

    static IncidentState empty(String incidentId) {
        return new IncidentState(incidentId);
    }

    boolean hasApplied(long eventSequence) {
        return sequence != null && eventSequence <= sequence;
    }

    void applied(long eventSequence) {
        sequence = eventSequence;
    }

    Instant declaredAt() {
        return declaredAt;
    }

    void declared(IncidentDeclared event) {
        title = event.title();
        severity = event.severity();
        declaredAt = event.occurredAt();
        affectedUsers = event.affectedUserIds().size();
        milestones.put(IncidentMilestone.APOLOGY, new IncidentView.Milestone(event.apologyDueBy(), null, null, null));
        milestones.put(IncidentMilestone.COMPENSATION,
                       new IncidentView.Milestone(event.compensationDueBy(), null, null, null));
    }

    void apologySent() {
        apologised++;
    }

    void compensated(long points) {
        compensated++;
        compensationPoints += points;
    }

    void reached(IncidentMilestone milestone, Instant dueBy, Instant at, boolean met) {
        IncidentView.Milestone was = milestones.get(milestone);
        milestones.put(milestone, new IncidentView.Milestone(dueBy, at, met, was.missedAt()));
    }

    void missed(IncidentMilestone milestone, Instant dueBy, Instant at) {
        IncidentView.Milestone was = milestones.get(milestone);
        milestones.put(milestone, new IncidentView.Milestone(dueBy, was.reachedAt(), was.met(), at));
    }

    void closed(Instant at) {
        status = IncidentStatus.CLOSED;
        closedAt = at;
    }

    IncidentView toView(IncidentView.ChurnComparison churn) {
        return new IncidentView(incidentId, title, severity, status, declaredAt, closedAt, affectedUsers, apologised,
                                compensated, compensationPoints, milestones.get(IncidentMilestone.APOLOGY),
                                milestones.get(IncidentMilestone.COMPENSATION), churn);
    }

    Document toDocument() {
        Document document = new Document("_id", incidentId)
                .append("sequence", sequence)
                .append("title", title)
                .append("severity", severity == null ? null : severity.name())
                .append("declaredAt", text(declaredAt))
                .append("status", status.name())
                .append("closedAt", text(closedAt))
                .append("affectedUsers", affectedUsers)
                .append("apologised", apologised)
                .append("compensated", compensated)
                .append("compensationPoints", compensationPoints);
        Document stored = new Document();
        milestones.forEach((milestone, state) -> stored.append(milestone.name(), new Document()
                .append("dueBy", text(state.dueBy()))
                .append("reachedAt", text(state.reachedAt()))
                .append("met", state.met())
                .append("missedAt", text(state.missedAt()))));
        return document.append("milestones", stored);
    }

    static IncidentState from(Document document) {
        IncidentState state = empty(document.getString("_id"));
        state.sequence = ((Number) document.get("sequence")).longValue();
        state.title = document.getString("title");
        String severity = document.getString("severity");
        state.severity = severity == null ? null : Severity.valueOf(severity);
        state.declaredAt = instant(document.getString("declaredAt"));
        state.status = IncidentStatus.valueOf(document.getString("status"));
        state.closedAt = instant(document.getString("closedAt"));
        state.affectedUsers = document.getInteger("affectedUsers");
        state.apologised = document.getInteger("apologised");
        state.compensated = document.getInteger("compensated");
        state.compensationPoints = ((Number) document.get("compensationPoints")).longValue();
        Document stored = document.get("milestones", Document.class);
        for (IncidentMilestone milestone : IncidentMilestone.values()) {
            Document one = stored.get(milestone.name(), Document.class);
            state.milestones.put(milestone, new IncidentView.Milestone(
                    instant(one.getString("dueBy")), instant(one.getString("reachedAt")), one.getBoolean("met"),
                    instant(one.getString("missedAt"))));
        }
        return state;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
