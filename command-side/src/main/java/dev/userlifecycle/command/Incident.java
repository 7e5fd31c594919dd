package dev.userlifecycle.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.DeclareIncident;
import dev.userlifecycle.events.IncidentAlreadyExistsException;
import dev.userlifecycle.events.IncidentApologySent;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentCompensationRecorded;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.IncidentMilestoneMissed;
import dev.userlifecycle.events.IncidentMilestoneReached;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.RecordMilestoneMissed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An incident, the users it affected, and its two milestones: every affected user apologised to within
 * {@link #APOLOGY_WITHIN}, and compensated within {@link #COMPENSATION_WITHIN}. It closes when both are reached.
 */
@AggregateRoot
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Incident {

    static final Duration APOLOGY_WITHIN = Duration.ofHours(2);
    static final Duration COMPENSATION_WITHIN = Duration.ofHours(24);

    @AggregateIdentifier
    private String incidentId;
    private Set<String> affectedUserIds = new HashSet<>();
    private Set<String> apologised = new HashSet<>();
    private Set<String> compensated = new HashSet<>();
    private Instant apologyDueBy;
    private Instant compensationDueBy;
    private Set<IncidentMilestone> reached = EnumSet.noneOf(IncidentMilestone.class);
    private Set<IncidentMilestone> missed = EnumSet.noneOf(IncidentMilestone.class);
    private boolean closed;

    Incident() {
        // for Axon and the snapshot serializer
    }

    /** Declaration goes through {@link IncidentDeclarationHandler}, which checks that the affected users exist. */
    void declare(DeclareIncident command) {
        if (incidentId != null) {
            throw new IncidentAlreadyExistsException(command.incidentId());
        }
        Instant at = command.occurredAt();
        apply(new IncidentDeclared(command.incidentId(), command.title(), command.severity(),
                                   command.affectedUserIds(), at, at.plus(APOLOGY_WITHIN),
                                   at.plus(COMPENSATION_WITHIN)));
    }

    @CommandHandler
    void handle(RecordApologySent command) {
        requireOpen();
        requireAffected(command.userId());
        if (apologised.contains(command.userId())) {
            return;
        }
        apply(new IncidentApologySent(incidentId, command.userId(), command.occurredAt()));
        if (apologised.size() == affectedUserIds.size()) {
            reach(IncidentMilestone.APOLOGY, command.occurredAt());
        }
    }

    @CommandHandler
    void handle(RecordIncidentCompensation command) {
        requireOpen();
        requireAffected(command.userId());
        if (compensated.contains(command.userId())) {
            return;
        }
        if (command.points() <= 0) {
            throw new BusinessRuleViolation("points", "must be greater than 0");
        }
        apply(new IncidentCompensationRecorded(incidentId, command.userId(), command.points(),
                                               command.occurredAt()));
        if (compensated.size() == affectedUserIds.size()) {
            reach(IncidentMilestone.COMPENSATION, command.occurredAt());
        }
    }

    @CommandHandler
    void handle(RecordMilestoneMissed command) {
        requireOpen();
        IncidentMilestone milestone = command.milestone();
        if (reached.contains(milestone) || missed.contains(milestone)) {
            return;
        }
        if (command.occurredAt().isBefore(dueBy(milestone))) {
            throw new InvalidTransitionException("the " + milestone + " milestone of incident '" + incidentId
                                                         + "' is not due until " + dueBy(milestone));
        }
        apply(new IncidentMilestoneMissed(incidentId, milestone, dueBy(milestone), command.occurredAt()));
    }

    private void reach(IncidentMilestone milestone, Instant at) {
        Instant dueBy = dueBy(milestone);
        apply(new IncidentMilestoneReached(incidentId, milestone, dueBy, at, !at.isAfter(dueBy)));
        if (reached.size() == IncidentMilestone.values().length) {
            apply(new IncidentClosed(incidentId, at));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new InvalidTransitionException("incident '" + incidentId + "' is closed");
        }
    }

    private void requireAffected(String userId) {
        if (!affectedUserIds.contains(userId)) {
            throw new BusinessRuleViolation("userId", "user '" + userId + "' is not affected by incident '"
                    + incidentId + "'");
        }
    }

    private Instant dueBy(IncidentMilestone milestone) {
        return switch (milestone) {
            case APOLOGY -> apologyDueBy;
            case COMPENSATION -> compensationDueBy;
        };
    }

    @EventSourcingHandler
    void on(IncidentDeclared event) {
        incidentId = event.incidentId();
        affectedUserIds = new HashSet<>(event.affectedUserIds());
        apologyDueBy = event.apologyDueBy();
        compensationDueBy = event.compensationDueBy();
    }

    @EventSourcingHandler
    void on(IncidentApologySent event) {
        apologised.add(event.userId());
    }

    @EventSourcingHandler
    void on(IncidentCompensationRecorded event) {
        compensated.add(event.userId());
    }

    @EventSourcingHandler
    void on(IncidentMilestoneReached event) {
        reached.add(event.milestone());
    }

    @EventSourcingHandler
    void on(IncidentMilestoneMissed event) {
        missed.add(event.milestone());
    }

    @EventSourcingHandler
    void on(IncidentClosed event) {
        closed = true;
    }
}
