package dev.userlifecycle.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.userlifecycle.events.ActivateUser;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.ChangeConsents;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.ConsentsChanged;
import dev.userlifecycle.events.EndWakeUpCampaign;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.ErasePersonalData;
import dev.userlifecycle.events.FrequencyCap;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.events.OutreachContactRecorded;
import dev.userlifecycle.events.OutreachDecision;
import dev.userlifecycle.events.OutreachSkipReason;
import dev.userlifecycle.events.OutreachStepSkipped;
import dev.userlifecycle.events.PersonalDataErasure;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.PurchaseOutcome;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordOutreachSkipped;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.ReferralRecorded;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserAlreadyExistsException;
import dev.userlifecycle.events.UserPersonalDataErased;
import dev.userlifecycle.events.UserReactivated;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.events.UserStatus;
import dev.userlifecycle.events.UserWentDormant;
import dev.userlifecycle.events.WakeUpCampaignEnded;
import dev.userlifecycle.events.WakeUpCampaignEntered;
import dev.userlifecycle.events.WakeUpOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's lifecycle: {@code REGISTERED → ACTIVE → DORMANT → ACTIVE}, activity per day, purchases, referrals,
 * consents and wake-up outreach; loyalty points live in {@link LoyaltyAccount}.
 * <p>
 * Business time only: activity dated before the latest active day records nothing, and activity of a dormant user
 * dated before they became dormant arrives too late to count (a purchase is still recorded, but reactivates no one).
 */
@AggregateRoot
// of its snapshots: 2 keeps loyalty lots and outreach decisions, 3 the erasure; older snapshots are ignored
@Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class User {

    /** How far back contacts are kept for frequency caps: caps with longer windows see fewer contacts. */
    static final Duration CONTACT_MEMORY = Duration.ofDays(90);

    @AggregateIdentifier
    private String userId;
    private UserStatus status;
    private ChannelConsents consents;
    private Instant lastActiveAt;
    private LocalDate lastActiveDay;
    private Instant dormantSince;
    private Set<String> orderIds = new HashSet<>();
    private String campaignId;
    private boolean holdout;
    private Instant reactivatedInCampaignAt;
    private Set<String> enteredCampaigns = new HashSet<>();
    private Map<String, OutreachDecision> outreachSteps = new HashMap<>();
    private List<Instant> recentContacts = new ArrayList<>();
    private PersonalDataErasure erasure;
    @AggregateMember
    private LoyaltyAccount loyalty;

    User() {
        // for Axon and the snapshot serializer
    }

    /** Registration goes through {@link RegistrationHandler}, which also records the referral on the referrer. */
    void register(RegisterUser command) {
        if (isRegistered()) {
            throw new UserAlreadyExistsException(command.userId());
        }
        ChannelConsents given = command.consents() == null ? ChannelConsents.none() : command.consents();
        apply(new UserRegistered(command.userId(), command.channel(), command.referrerId(), command.region(),
                                 command.contact(), given, command.occurredAt()));
    }

    void recordReferral(String referredUserId, Instant occurredAt) {
        apply(new ReferralRecorded(userId, referredUserId, occurredAt));
    }

    boolean isRegistered() {
        return userId != null;
    }

    @CommandHandler
    void handle(ActivateUser command) {
        if (status != UserStatus.REGISTERED) {
            throw new InvalidTransitionException("user '" + userId + "' is activated already");
        }
        apply(new UserActivated(userId, command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordActivity command) {
        if (command.kind() == ActivityKind.PURCHASE) {
            throw new BusinessRuleViolation("kind", "a purchase is recorded as a purchase, not as an activity");
        }
        if (!countsAsActivity(command.occurredAt())) {
            return;
        }
        reactivateIfDormant(command.occurredAt());
        if (isNewActiveDay(command.day())) {
            apply(new UserActiveOnDay(userId, command.day(), command.kind(), command.occurredAt()));
        }
    }

    @CommandHandler
    PurchaseOutcome handle(RecordPurchase command) {
        if (orderIds.contains(command.orderId())) {
            return PurchaseOutcome.ALREADY_RECORDED;
        }
        if (command.amount().amount().signum() <= 0) {
            throw new BusinessRuleViolation("amount", "must be greater than 0");
        }
        boolean firstPurchase = orderIds.isEmpty();
        if (status == UserStatus.REGISTERED) {
            apply(new UserActivated(userId, command.occurredAt()));
        }
        if (countsAsActivity(command.occurredAt())) {
            reactivateIfDormant(command.occurredAt());
            if (isNewActiveDay(command.day())) {
                apply(new UserActiveOnDay(userId, command.day(), ActivityKind.PURCHASE, command.occurredAt()));
            }
        }
        apply(new PurchaseMade(userId, command.orderId(), command.amount(), command.occurredAt(), firstPurchase));
        return PurchaseOutcome.RECORDED;
    }

    @CommandHandler
    void handle(MarkUserDormant command) {
        Duration period = command.dormancyPeriod();
        if (period.isNegative() || period.isZero()) {
            throw new BusinessRuleViolation("dormancyPeriod", "must be positive");
        }
        if (status != UserStatus.ACTIVE) {
            throw new InvalidTransitionException("only an active user becomes dormant; user '" + userId + "' is "
                                                         + status);
        }
        Instant dormantAt = lastActiveAt.plus(period);
        if (dormantAt.isAfter(command.asOf())) {
            throw new InvalidTransitionException("user '" + userId + "' was active at " + lastActiveAt
                                                         + ", less than " + period + " before " + command.asOf());
        }
        apply(new UserWentDormant(userId, lastActiveAt, dormantAt));
    }

    @CommandHandler
    void handle(ChangeConsents command) {
        if (!command.consents().equals(consents)) {
            apply(new ConsentsChanged(userId, command.consents(), command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(EnterWakeUpCampaign command) {
        if (enteredCampaigns.contains(command.campaignId())) {
            return;
        }
        if (status != UserStatus.DORMANT) {
            throw new InvalidTransitionException("only a dormant user enters a wake-up campaign; user '" + userId
                                                         + "' is " + status);
        }
        if (campaignId != null) {
            throw new InvalidTransitionException("user '" + userId + "' is in wake-up campaign '" + campaignId
                                                         + "' already");
        }
        apply(new WakeUpCampaignEntered(userId, command.campaignId(), command.holdout(), command.occurredAt()));
    }

    @CommandHandler
    void handle(EndWakeUpCampaign command) {
        if (command.campaignId().equals(campaignId)) {
            apply(reactivatedBy(command)
                          ? new WakeUpCampaignEnded(userId, campaignId, WakeUpOutcome.REACTIVATED,
                                                    reactivatedInCampaignAt)
                          : new WakeUpCampaignEnded(userId, campaignId, command.outcome(), command.occurredAt()));
        } else if (!enteredCampaigns.contains(command.campaignId())) {
            throw new InvalidTransitionException("user '" + userId + "' is not in wake-up campaign '"
                                                         + command.campaignId() + "'");
        }
    }

    @CommandHandler
    OutreachDecision handle(ContactUser command) {
        String key = stepKey(command.campaignId(), command.step());
        if (outreachSteps.containsKey(key)) {
            return outreachSteps.get(key);
        }
        Channel first = command.channels().get(0);
        if (enteredCampaigns.contains(command.campaignId()) && !command.campaignId().equals(campaignId)) {
            return skip(command, first, OutreachSkipReason.CAMPAIGN_ENDED);
        }
        if (holdout && command.campaignId().equals(campaignId)) {
            return skip(command, first, OutreachSkipReason.HOLDOUT);
        }
        Channel channel = command.channels().stream().filter(consents::allows).findFirst().orElse(null);
        if (channel == null) {
            return skip(command, first, OutreachSkipReason.NO_CONSENT);
        }
        if (command.frequencyCap() != null && capReached(command.frequencyCap(), command.occurredAt())) {
            return skip(command, channel, OutreachSkipReason.FREQUENCY_CAP);
        }
        apply(new OutreachContactRecorded(userId, command.campaignId(), command.step(), channel,
                                          command.occurredAt()));
        return outreachSteps.get(key);
    }

    /** Records the erasure once; a repeated request is answered with the first one and records nothing. */
    @CommandHandler
    PersonalDataErasure handle(ErasePersonalData command) {
        if (erasure == null) {
            apply(new UserPersonalDataErased(userId, command.requestedBy(), command.occurredAt()));
        }
        return erasure;
    }

    private OutreachDecision skip(ContactUser command, Channel channel, OutreachSkipReason reason) {
        apply(new OutreachStepSkipped(userId, command.campaignId(), command.step(), channel, reason.name(),
                                      command.occurredAt()));
        return outreachSteps.get(stepKey(command.campaignId(), command.step()));
    }

    private boolean capReached(FrequencyCap cap, Instant at) {
        Instant windowStart = at.minus(cap.window());
        long inWindow = recentContacts.stream()
                                      .filter(contact -> contact.isAfter(windowStart) && !contact.isAfter(at))
                                      .count();
        return inWindow >= cap.maxContacts();
    }

    /** A campaign that comes to its end after the user returned within it was a success, whoever asks first. */
    private boolean reactivatedBy(EndWakeUpCampaign command) {
        return reactivatedInCampaignAt != null && !reactivatedInCampaignAt.isAfter(command.occurredAt());
    }

    @CommandHandler
    void handle(RecordOutreachSkipped command) {
        if (!outreachSteps.containsKey(stepKey(command.campaignId(), command.step()))) {
            apply(new OutreachStepSkipped(userId, command.campaignId(), command.step(), command.channel(),
                                          command.reason(), command.occurredAt()));
        }
    }

    private boolean countsAsActivity(Instant occurredAt) {
        return status != UserStatus.DORMANT || !occurredAt.isBefore(dormantSince);
    }

    private boolean isNewActiveDay(LocalDate day) {
        return lastActiveDay == null || day.isAfter(lastActiveDay);
    }

    private void reactivateIfDormant(Instant occurredAt) {
        if (status == UserStatus.DORMANT) {
            apply(new UserReactivated(userId, campaignId, occurredAt));
        }
    }

    // a campaign id cannot contain '|', so any step text gives a unique key
    private static String stepKey(String campaignId, String step) {
        return campaignId + '|' + step;
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        status = UserStatus.REGISTERED;
        consents = event.consents();
        loyalty = new LoyaltyAccount();
    }

    @EventSourcingHandler
    void on(UserActivated event) {
        status = UserStatus.ACTIVE;
        noteActivity(event.occurredAt());
    }

    @EventSourcingHandler
    void on(UserActiveOnDay event) {
        lastActiveDay = event.day();
        noteActivity(event.occurredAt());
    }

    @EventSourcingHandler
    void on(PurchaseMade event) {
        orderIds.add(event.orderId());
        noteActivity(event.occurredAt());
    }

    @EventSourcingHandler
    void on(UserWentDormant event) {
        status = UserStatus.DORMANT;
        dormantSince = event.occurredAt();
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        if (event.campaignId() != null && event.campaignId().equals(campaignId)) {
            reactivatedInCampaignAt = event.occurredAt();
        }
        status = UserStatus.ACTIVE;
        dormantSince = null;
        noteActivity(event.occurredAt());
    }

    @EventSourcingHandler
    void on(ConsentsChanged event) {
        consents = event.consents();
    }

    @EventSourcingHandler
    void on(WakeUpCampaignEntered event) {
        campaignId = event.campaignId();
        holdout = event.holdout();
        enteredCampaigns.add(event.campaignId());
    }

    @EventSourcingHandler
    void on(WakeUpCampaignEnded event) {
        campaignId = null;
        holdout = false;
        reactivatedInCampaignAt = null;
    }

    @EventSourcingHandler
    void on(OutreachContactRecorded event) {
        outreachSteps.put(stepKey(event.campaignId(), event.step()),
                          OutreachDecision.contacted(event.campaignId(), event.step(), event.channel()));
        recentContacts.removeIf(contact -> contact.isBefore(event.occurredAt().minus(CONTACT_MEMORY)));
        recentContacts.add(event.occurredAt());
    }

    @EventSourcingHandler
    void on(OutreachStepSkipped event) {
        outreachSteps.put(stepKey(event.campaignId(), event.step()),
                          OutreachDecision.skipped(event.campaignId(), event.step(), event.channel(), event.reason()));
    }

    @EventSourcingHandler
    void on(UserPersonalDataErased event) {
        erasure = new PersonalDataErasure(userId, event.requestedBy(), event.occurredAt());
    }

    /** What the user is now, for the audit ({@link UserHistory}). */
    UserState state() {
        List<OutreachDecision> outreach = outreachSteps.values().stream()
                                                       .sorted(Comparator.comparing(OutreachDecision::campaignId)
                                                                         .thenComparing(OutreachDecision::step))
                                                       .toList();
        return new UserState(userId, status, consents, lastActiveAt, lastActiveDay, dormantSince, sorted(orderIds),
                             new UserState.WakeUp(campaignId, holdout, reactivatedInCampaignAt,
                                                  sorted(enteredCampaigns)),
                             outreach, List.copyOf(recentContacts), loyalty == null ? null : loyalty.state(),
                             erasure);
    }

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private void noteActivity(Instant occurredAt) {
        if (lastActiveAt == null || occurredAt.isAfter(lastActiveAt)) {
            lastActiveAt = occurredAt;
        }
    }
}
