package dev.userlifecycle.sagas.crisis;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.GrantCompensation;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.IncidentMilestoneReached;
import dev.userlifecycle.events.OutreachDecision;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.RecordMilestoneMissed;
import dev.userlifecycle.sagas.CommandOrigin;
import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.outreach.OutreachReceipt;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * After a declared incident: an apology through the {@link OutreachGateway} to every affected user and a
 * compensation in loyalty points, both at once, each recorded on the incident, whose milestones say whether they came
 * in time. A deadline at each milestone's due time records it as missed if it is still open then; a failed delivery
 * or command is tried again every {@link CompensationSettings#retryInterval()} until it succeeds. The users are worked
 * through in batches of {@link CompensationSettings#batchSize()}, each in a unit of work of its own. The saga ends when
 * the incident closes, which is when every affected user has both.
 * <p>
 * Every step may run twice (a redelivered event, a retry after a crash) and has its effect once: the user records one
 * decision per apology, the gateway delivers once per key (derived from the incident and the user, not from this
 * saga's identity), and the incident and the loyalty account record one apology and one compensation per user.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CrisisCompensationSaga {

    static final String MILESTONE_DUE = "incident-milestone-due";
    static final String RETRY_DUE = "incident-retry-due";
    static final String NEXT_BATCH_DUE = "incident-next-batch-due";
    static final String APOLOGY_STEP = "apology";
    static final String APOLOGY_TEMPLATE = "incident-apology";

    /** Every command of the saga, from its event handlers and deadlines, is attributed to it. */
    static final CommandOrigin ORIGIN = CommandOrigin.saga("crisis-compensation");

    private static final Logger logger = LoggerFactory.getLogger(CrisisCompensationSaga.class);

    private String incidentId;
    private String title;
    private long points;
    private TreeSet<String> awaitingApology = new TreeSet<>();
    private TreeSet<String> awaitingCompensation = new TreeSet<>();
    /** The users still to be tried in this round, a batch per handler call. */
    private TreeSet<String> round = new TreeSet<>();
    private Map<IncidentMilestone, String> milestoneDeadlines = new EnumMap<>(IncidentMilestone.class);
    /** The deadline of the next batch or the next round, with its name: at most one is pending. */
    private String workDeadline;
    private String workDeadlineName;

    @StartSaga
    @SagaEventHandler(associationProperty = "incidentId")
    public void on(IncidentDeclared event, CommandGateway commands, OutreachGateway outreach,
                   DeadlineManager deadlines, CompensationSettings settings, Clock clock) {
        if (incidentId == null) {
            incidentId = event.incidentId();
            title = event.title();
            points = settings.pointsFor(event.severity());
            awaitingApology.addAll(event.affectedUserIds());
            awaitingCompensation.addAll(event.affectedUserIds());
            round.addAll(event.affectedUserIds());
            milestoneDeadlines.put(IncidentMilestone.APOLOGY, deadlines.schedule(
                    event.apologyDueBy(), MILESTONE_DUE,
                    new MilestoneDue(incidentId, IncidentMilestone.APOLOGY, event.apologyDueBy())));
            milestoneDeadlines.put(IncidentMilestone.COMPENSATION, deadlines.schedule(
                    event.compensationDueBy(), MILESTONE_DUE,
                    new MilestoneDue(incidentId, IncidentMilestone.COMPENSATION, event.compensationDueBy())));
        }
        work(commands, outreach, deadlines, settings, clock);
    }

    @DeadlineHandler(deadlineName = RETRY_DUE)
    public void on(RetryDue due, CommandGateway commands, OutreachGateway outreach, DeadlineManager deadlines,
                   CompensationSettings settings, Clock clock) {
        workDeadline = null;
        round.addAll(awaitingApology);
        round.addAll(awaitingCompensation);
        work(commands, outreach, deadlines, settings, clock);
    }

    @DeadlineHandler(deadlineName = NEXT_BATCH_DUE)
    public void on(NextBatchDue due, CommandGateway commands, OutreachGateway outreach, DeadlineManager deadlines,
                   CompensationSettings settings, Clock clock) {
        workDeadline = null;
        work(commands, outreach, deadlines, settings, clock);
    }

    @DeadlineHandler(deadlineName = MILESTONE_DUE)
    public void on(MilestoneDue due, CommandGateway commands, Clock clock) {
        milestoneDeadlines.remove(due.milestone());
        Instant now = clock.instant();
        Instant at = now.isBefore(due.dueBy()) ? due.dueBy() : now;
        commands.sendAndWait(ORIGIN.command(new RecordMilestoneMissed(incidentId, due.milestone(), at)));
    }

    @SagaEventHandler(associationProperty = "incidentId")
    public void on(IncidentMilestoneReached event, DeadlineManager deadlines) {
        String deadlineId = milestoneDeadlines.remove(event.milestone());
        if (deadlineId != null) {
            deadlines.cancelSchedule(MILESTONE_DUE, deadlineId);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "incidentId")
    public void on(IncidentClosed event, DeadlineManager deadlines) {
        milestoneDeadlines.values().forEach(id -> deadlines.cancelSchedule(MILESTONE_DUE, id));
        milestoneDeadlines.clear();
        if (workDeadline != null) {
            deadlines.cancelSchedule(workDeadlineName, workDeadline);
            workDeadline = null;
        }
    }

    /**
     * Tries the next batch of the round's users and schedules what comes next: the next batch at once, or, when the
     * round is over and some failed, a new round after the retry interval. Batches keep each unit of work short: the
     * users it sends commands to stay locked until it commits.
     */
    private void work(CommandGateway commands, OutreachGateway outreach, DeadlineManager deadlines,
                      CompensationSettings settings, Clock clock) {
        for (int tried = 0; tried < settings.batchSize() && !round.isEmpty(); tried++) {
            String userId = round.pollFirst();
            if (awaitingApology.contains(userId)
                    && apologise(userId, commands, outreach, settings.apologyChannels(), clock)) {
                awaitingApology.remove(userId);
            }
            if (awaitingCompensation.contains(userId) && compensate(userId, commands, clock)) {
                awaitingCompensation.remove(userId);
            }
        }
        if (workDeadline != null) {
            return;
        }
        if (!round.isEmpty()) {
            workDeadlineName = NEXT_BATCH_DUE;
            workDeadline = deadlines.schedule(Duration.ZERO, NEXT_BATCH_DUE, new NextBatchDue(incidentId));
        } else if (!awaitingApology.isEmpty() || !awaitingCompensation.isEmpty()) {
            workDeadlineName = RETRY_DUE;
            workDeadline = deadlines.schedule(settings.retryInterval(), RETRY_DUE, new RetryDue(incidentId));
        }
    }

    /** Whether the user is done with: apologised to, or impossible to reach on any of the channels. */
    private boolean apologise(String userId, CommandGateway commands, OutreachGateway outreach,
                              List<Channel> channels, Clock clock) {
        try {
            OutreachDecision decision = commands.sendAndWait(ORIGIN.command(
                    new ContactUser(userId, incidentId, APOLOGY_STEP, channels, null, clock.instant())));
            if (!decision.contacted()) {
                logger.warn("Incident '{}': user '{}' cannot be sent an apology ({})", incidentId, userId,
                            decision.reason());
                return true;
            }
            OutreachReceipt receipt = outreach.send(apologyTo(userId, decision, clock.instant()));
            if (receipt.status() == OutreachReceipt.Status.FAILED) {
                logger.warn("Incident '{}': the apology to user '{}' failed ({}); trying again later", incidentId,
                            userId, receipt.reason());
                return false;
            }
            commands.sendAndWait(ORIGIN.command(new RecordApologySent(incidentId, userId, clock.instant())));
            return true;
        } catch (RuntimeException e) {
            logger.warn("Incident '{}': the apology to user '{}' failed; trying again later", incidentId, userId, e);
            return false;
        }
    }

    private boolean compensate(String userId, CommandGateway commands, Clock clock) {
        try {
            commands.sendAndWait(ORIGIN.command(new GrantCompensation(userId, incidentId, points, clock.instant())));
            commands.sendAndWait(ORIGIN.command(
                    new RecordIncidentCompensation(incidentId, userId, points, clock.instant())));
            return true;
        } catch (RuntimeException e) {
            logger.warn("Incident '{}': compensating user '{}' failed; trying again later", incidentId, userId, e);
            return false;
        }
    }

    private OutreachMessage apologyTo(String userId, OutreachDecision decision, Instant at) {
        return OutreachMessage.of("incident:" + incidentId + ":" + userId, APOLOGY_STEP, userId, incidentId,
                                  decision.channel(), APOLOGY_TEMPLATE, Map.of("incidentId", incidentId, "title", title),
                                  at);
    }
}
