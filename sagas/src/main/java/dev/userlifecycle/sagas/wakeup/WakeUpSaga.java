package dev.userlifecycle.sagas.wakeup;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.OutreachDecision;
import dev.userlifecycle.events.OutreachSkipReason;
import dev.userlifecycle.events.RecordOutreachSkipped;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.events.WakeUpOutcome;
import dev.userlifecycle.sagas.CommandOrigin;
import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.OutreachMessage;
import dev.userlifecycle.sagas.outreach.OutreachReceipt;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Tries to win back a user who went dormant: enters them into a wake-up campaign (or its holdout group), runs the
 * steps of the plan within the campaign's window, and ends the campaign when the user is active again
 * ({@code REACTIVATED}) or when the window closes ({@code EXPIRED}).
 * <p>
 * The user aggregate decides every contact ({@link ContactUser}: holdout, consent, frequency cap) and records it
 * before anything is delivered; a retried step gets the recorded decision back, and the gateway delivers once per
 * user, campaign and step. Each later step is a deadline whose id the saga keeps, so the steps left are cancelled
 * when the campaign ends. The saga is serialized with Jackson: its state is the {@link JsonProperty} fields, the
 * resources are transient.
 */
public class WakeUpSaga {

    public static final String PROCESSING_GROUP = "wake-up-saga";
    static final String CAMPAIGN_PREFIX = "wake-up-";
    static final String STEP_DEADLINE = "wake-up-step";
    static final String WINDOW_DEADLINE = "wake-up-window-end";

    /** Every command of the saga, from its event handlers and deadlines, is attributed to it. */
    static final CommandOrigin ORIGIN = CommandOrigin.saga("wake-up");

    private static final Logger logger = LoggerFactory.getLogger(WakeUpSaga.class);

    @Autowired
    private transient WakeUpSettings settings;
    @Autowired
    private transient Clock clock;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient OutreachGateway outreach;

    @JsonProperty
    private String userId;
    @JsonProperty
    private String campaignId;
    @JsonProperty
    private boolean holdout;
    @JsonProperty
    private Instant windowEnd;
    @JsonProperty
    private String windowDeadlineId;
    /** The steps not run yet, by name, with the id of the deadline that runs them. */
    @JsonProperty
    private Map<String, String> stepDeadlines = new HashMap<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "userId")
    void on(UserWentDormant event) {
        if (campaignId != null) {
            return; // the start event again, delivered to the saga it started
        }
        Instant now = clock.instant();
        if (!settings.isCurrent(event.occurredAt(), now)) {
            logger.debug("User '{}' went dormant at {}, too far from {} for a wake-up campaign", event.userId(),
                         event.occurredAt(), now);
            SagaLifecycle.end();
            return;
        }
        String campaign = campaignIdOf(event.occurredAt());
        boolean inHoldout = settings.inHoldout(event.userId(), campaign);
        if (!enter(event.userId(), campaign, inHoldout, now)) {
            SagaLifecycle.end();
            return;
        }
        userId = event.userId();
        campaignId = campaign;
        holdout = inHoldout;
        windowEnd = now.plus(settings.window());
        windowDeadlineId = deadlines.schedule(windowEnd, WINDOW_DEADLINE, new WindowEnds(campaignId));
        if (!holdout) {
            settings.steps().forEach(step -> plan(step, now.plus(step.offset()), now, 1));
        }
    }

    @SagaEventHandler(associationProperty = "userId")
    void on(UserReactivated event) {
        if (campaignId == null) {
            SagaLifecycle.end();
        } else if (event.occurredAt().isBefore(windowEnd)) {
            finish(WakeUpOutcome.REACTIVATED, event.occurredAt());
        } else {
            finish(WakeUpOutcome.EXPIRED, windowEnd); // the window closed while the saga was not running
        }
    }

    @DeadlineHandler(deadlineName = STEP_DEADLINE)
    void on(StepDue due) {
        if (stepDeadlines.remove(due.step()) == null) {
            return; // cancelled, or run already
        }
        Instant now = clock.instant();
        settings.step(due.step()).ifPresentOrElse(
                step -> plan(step, now, now, due.attempt()),
                () -> logger.warn("Wake-up step '{}' of user '{}' is no longer in the plan", due.step(), userId));
    }

    @DeadlineHandler(deadlineName = WINDOW_DEADLINE)
    void on(WindowEnds due) {
        windowDeadlineId = null;
        finish(WakeUpOutcome.EXPIRED, windowEnd);
    }

    /**
     * The campaign of the dormancy that began at {@code dormantAt}: deterministic, so a redelivered start event
     * enters the same campaign again, which the user ignores.
     */
    public static String campaignIdOf(Instant dormantAt) {
        return CAMPAIGN_PREFIX + dormantAt.truncatedTo(ChronoUnit.SECONDS);
    }

    private boolean enter(String user, String campaign, boolean inHoldout, Instant now) {
        try {
            commands.sendAndWait(ORIGIN.command(new EnterWakeUpCampaign(user, campaign, inHoldout, now)));
            return true;
        } catch (RuntimeException e) {
            if (!isRefusal(e)) {
                throw e;
            }
            logger.debug("User '{}' does not enter wake-up campaign '{}': {}", user, campaign, e.getMessage());
            return false;
        }
    }

    /** Runs the step at {@code due}, moved out of quiet hours: now, later by a deadline, or not at all. */
    private void plan(WakeUpStep step, Instant due, Instant now, int attempt) {
        Instant at = settings.quietHours().nextAllowed(due.isBefore(now) ? now : due);
        if (!at.isBefore(windowEnd)) {
            if (attempt == 1) {
                recordWindowClosed(step, now);
            } else {
                logger.warn("Wake-up step '{}' of user '{}' was not delivered before the window closed", step.name(),
                            userId);
            }
        } else if (at.isAfter(now)) {
            stepDeadlines.put(step.name(), deadlines.schedule(at, STEP_DEADLINE, new StepDue(step.name(), attempt)));
        } else {
            contact(step, now, attempt);
        }
    }

    private void contact(WakeUpStep step, Instant now, int attempt) {
        OutreachDecision decision = commands.sendAndWait(ORIGIN.command(
                ContactUser.on(userId, campaignId, step.name(), step.channel(), settings.frequencyCap(), now)));
        if (decision == null) {
            throw new IllegalStateException("no outreach decision for step '" + step.name() + "' of " + userId);
        }
        if (!decision.contacted()) {
            return; // the user recorded the skip and its reason
        }
        OutreachReceipt receipt = outreach.send(OutreachMessage.of(outreachKey(), step.name(), userId, campaignId,
                                                                   decision.channel(), step.template(), Map.of(),
                                                                   now));
        if (receipt.status() == OutreachReceipt.Status.FAILED) {
            logger.warn("Wake-up step '{}' of user '{}' was not delivered (attempt {}): {}", step.name(), userId,
                        attempt, receipt.reason());
            if (attempt < settings.deliveryAttempts()) {
                plan(step, now.plus(settings.retryDelay()), now, attempt + 1);
            }
        }
    }

    /**
     * The idempotency key's first part: the user and the campaign rather than Axon's saga identifier, which is random
     * and would change if the start event were handled again by a new saga instance (a retried batch whose first
     * attempt delivered the message but failed to store the saga).
     */
    private String outreachKey() {
        return userId + "/" + campaignId;
    }

    private void finish(WakeUpOutcome outcome, Instant at) {
        commands.sendAndWait(ORIGIN.command(new EndWakeUpCampaign(userId, campaignId, outcome, at)));
        stepDeadlines.forEach((name, deadlineId) -> deadlines.cancelSchedule(STEP_DEADLINE, deadlineId));
        if (outcome == WakeUpOutcome.EXPIRED) {
            Instant now = clock.instant();
            settings.steps().stream().filter(step -> stepDeadlines.containsKey(step.name()))
                    .forEach(step -> recordWindowClosed(step, now));
        }
        stepDeadlines.clear();
        if (windowDeadlineId != null) {
            deadlines.cancelSchedule(WINDOW_DEADLINE, windowDeadlineId);
        }
        SagaLifecycle.end();
    }

    private void recordWindowClosed(WakeUpStep step, Instant now) {
        commands.sendAndWait(ORIGIN.command(new RecordOutreachSkipped(
                userId, campaignId, step.name(), step.channel(), OutreachSkipReason.WINDOW_CLOSED.name(), now)));
    }

    /** A refusal by the user (not dormant, or in another campaign), locally or across a distributed command bus. */
    private static boolean isRefusal(Throwable failure) {
        return HandlerExecutionException.resolveDetails(failure)
                                        .filter(details -> details instanceof LifecycleError error
                                                && error.kind() == LifecycleError.Kind.CONFLICT)
                                        .isPresent();
    }

    /** The deadline that runs step {@code step}; {@code attempt} counts its deliveries. */
    public record StepDue(String step, int attempt) {
    }

    public record WindowEnds(String campaignId) {
    }
}
