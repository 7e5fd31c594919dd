package dev.userlifecycle.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.CompensationGranted;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.EarnPurchasePoints;
import dev.userlifecycle.events.EarnReferralBonus;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.GrantCompensation;
import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.LoyaltyReviewScheduled;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsExpiryOutcome;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.events.RedeemPoints;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's loyalty points and tier; an entity of {@link User}, created when the user registers.
 * <p>
 * Earnings are kept as {@link PointLots}: redemptions and expiries take the oldest points first, and the tier is the
 * one the points earned within their lifetime reach ({@link LoyaltyProgram#tierFor}). Time moves with the business
 * times of the commands: before any command takes effect, the account is brought up to its time, moment by moment
 * (points expire at their expiry, the tier falls when earnings leave the window), so a redemption never spends points
 * that had expired by then. {@link ExpirePoints} does only that, for accounts that see no other command; after every
 * command the next such moment is recorded ({@link LoyaltyReviewScheduled}) for the sweep that sends it.
 * <p>
 * The {@link LoyaltyProgram} is a resource injected into the command handlers; event sourcing does not use it, so
 * a changed programme applies from each account's next command and never changes its history.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class LoyaltyAccount {

    static final String COMPENSATION_SOURCE_PREFIX = "incident:";
    static final String ORDER_SOURCE_PREFIX = "order:";
    static final String REFERRAL_SOURCE_PREFIX = "referral:";

    private long balance;
    private LoyaltyTier tier = LoyaltyTier.BRONZE;
    private PointLots lots = new PointLots();
    /** The latest business time of the account's points and tier events: its clock never goes back. */
    private Instant latest;
    private Instant reviewAt;
    private Set<String> earnedSources = new HashSet<>();
    private Set<String> redemptions = new HashSet<>();
    private Set<String> compensatedIncidents = new HashSet<>();

    @CommandHandler
    void handle(EarnPoints command, LoyaltyProgram program) {
        if (earnedSources.contains(command.sourceId())) {
            return;
        }
        requirePositive(command.points());
        if (command.expiresAt() != null && !command.expiresAt().isAfter(command.occurredAt())) {
            throw new BusinessRuleViolation("expiresAt", "must be after occurredAt");
        }
        Instant now = settle(command.userId(), command.occurredAt(), program);
        earn(new PointsEarned(command.userId(), command.points(), command.reason(), command.sourceId(),
                              command.occurredAt(), command.expiresAt()), now, program);
    }

    @CommandHandler
    void handle(EarnPurchasePoints command, LoyaltyProgram program) {
        String sourceId = ORDER_SOURCE_PREFIX + command.orderId();
        if (earnedSources.contains(sourceId)) {
            return;
        }
        Instant now = settle(command.userId(), command.occurredAt(), program);
        long points = program.purchasePoints(command.amount(), tier);
        if (points > 0) {
            earn(new PointsEarned(command.userId(), points, "purchase " + command.orderId(), sourceId,
                                  command.occurredAt(), program.expiryOf(command.occurredAt())), now, program);
        } else {
            scheduleReview(command.userId(), now, program);
        }
    }

    @CommandHandler
    void handle(EarnReferralBonus command, LoyaltyProgram program) {
        String sourceId = REFERRAL_SOURCE_PREFIX + command.referredUserId();
        if (earnedSources.contains(sourceId) || program.referralBonus() == 0) {
            return;
        }
        Instant now = settle(command.userId(), command.occurredAt(), program);
        earn(new PointsEarned(command.userId(), program.referralBonus(), "referral of " + command.referredUserId(),
                              sourceId, command.occurredAt(), program.expiryOf(command.occurredAt())), now, program);
    }

    @CommandHandler
    void handle(GrantCompensation command, LoyaltyProgram program) {
        if (compensatedIncidents.contains(command.incidentId())) {
            return;
        }
        requirePositive(command.points());
        Instant now = settle(command.userId(), command.occurredAt(), program);
        apply(new CompensationGranted(command.userId(), command.incidentId(), command.points(),
                                      command.occurredAt()));
        earn(new PointsEarned(command.userId(), command.points(), "compensation for incident " + command.incidentId(),
                              COMPENSATION_SOURCE_PREFIX + command.incidentId(), command.occurredAt(), null),
             now, program);
    }

    @CommandHandler
    void handle(RedeemPoints command, LoyaltyProgram program) {
        if (redemptions.contains(command.redemptionId())) {
            return;
        }
        requirePositive(command.points());
        long available = balance - lots.dueBy(now(command.occurredAt()));
        if (command.points() > available) {
            throw new BusinessRuleViolation("points", "cannot redeem " + command.points()
                    + " points: the balance is " + available);
        }
        Instant now = settle(command.userId(), command.occurredAt(), program);
        apply(new PointsRedeemed(command.userId(), command.points(), command.reason(), command.redemptionId(),
                                 command.occurredAt()));
        scheduleReview(command.userId(), now, program);
    }

    @CommandHandler
    PointsExpiryOutcome handle(ExpirePoints command, LoyaltyProgram program) {
        long balanceBefore = balance;
        LoyaltyTier tierBefore = tier;
        Instant now = settle(command.userId(), command.asOf(), program);
        scheduleReview(command.userId(), now, program);
        return new PointsExpiryOutcome(balanceBefore - balance, tierBefore, tier);
    }

    private void earn(PointsEarned earned, Instant now, LoyaltyProgram program) {
        apply(earned);
        LoyaltyTier reached = program.tierFor(lots.countingAt(now, program));
        if (reached != tier) {
            apply(new LoyaltyTierChanged(earned.userId(), tier, reached, now));
        }
        // points earned with an expiry already past expire at once
        settle(earned.userId(), now, program);
        scheduleReview(earned.userId(), now, program);
    }

    /**
     * Brings the account up to {@code upTo}: at each moment on the way at which points expire or an earning stops
     * counting toward the tier, the points due expire and the tier is set to what is still earned. Answers the
     * account's time afterwards, {@code upTo} or its latest time when that is later.
     */
    private Instant settle(String userId, Instant upTo, LoyaltyProgram program) {
        Instant now = now(upTo);
        Instant passed = latest == null ? now : latest;
        for (Optional<Instant> moment = nextMoment(passed, now, program); moment.isPresent();
             moment = nextMoment(passed, now, program)) {
            Instant at = moment.get();
            long due = lots.dueBy(at);
            if (due > 0) {
                apply(new PointsExpired(userId, due, at));
            }
            LoyaltyTier held = program.tierFor(lots.countingAt(latest.isAfter(at) ? latest : at, program));
            if (held != tier) {
                apply(new LoyaltyTierChanged(userId, tier, held, at));
            }
            passed = at.isAfter(passed) ? at : passed;
        }
        return now;
    }

    /** The next expiry due by {@code upTo}, or the next tier exit after {@code passed} and by {@code upTo}. */
    private Optional<Instant> nextMoment(Instant passed, Instant upTo, LoyaltyProgram program) {
        Optional<Instant> moment = earliest(lots.nextExpiry(), nextTierExit(passed, program));
        return moment.filter(at -> !at.isAfter(upTo));
    }

    private Optional<Instant> nextTierExit(Instant after, LoyaltyProgram program) {
        return tier == LoyaltyTier.BRONZE ? Optional.empty() : lots.nextTierExit(after, program);
    }

    private void scheduleReview(String userId, Instant now, LoyaltyProgram program) {
        Instant next = earliest(lots.nextExpiry(), nextTierExit(now, program)).orElse(null);
        if (!Objects.equals(next, reviewAt)) {
            apply(new LoyaltyReviewScheduled(userId, next, now));
        }
    }

    private Instant now(Instant businessTime) {
        return latest == null || businessTime.isAfter(latest) ? businessTime : latest;
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new BusinessRuleViolation("points", "must be greater than 0");
        }
    }

    @EventSourcingHandler
    void on(PointsEarned event) {
        balance += event.points();
        earnedSources.add(event.sourceId());
        lots.add(event.occurredAt(), event.points(), event.expiresAt());
        advanceTo(event.occurredAt());
    }

    @EventSourcingHandler
    void on(PointsRedeemed event) {
        balance -= event.points();
        redemptions.add(event.redemptionId());
        lots.take(event.points());
        advanceTo(event.occurredAt());
    }

    @EventSourcingHandler
    void on(PointsExpired event) {
        balance -= event.points();
        lots.expire(event.points(), event.occurredAt());
        advanceTo(event.occurredAt());
    }

    @EventSourcingHandler
    void on(LoyaltyTierChanged event) {
        tier = event.to();
        advanceTo(event.occurredAt());
    }

    @EventSourcingHandler
    void on(LoyaltyReviewScheduled event) {
        reviewAt = event.reviewAt();
        advanceTo(event.occurredAt());
    }

    @EventSourcingHandler
    void on(CompensationGranted event) {
        compensatedIncidents.add(event.incidentId());
    }

    UserState.Loyalty state() {
        return new UserState.Loyalty(balance, tier, lots.state(), latest, reviewAt, User.sorted(earnedSources),
                                     User.sorted(redemptions), User.sorted(compensatedIncidents));
    }

    private void advanceTo(Instant businessTime) {
        latest = now(businessTime);
        lots.dropSpentBefore(latest);
    }
}
