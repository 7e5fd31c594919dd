package dev.userlifecycle.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.ChangeLoyaltyTier;
import dev.userlifecycle.events.CompensationGranted;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.GrantCompensation;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.LoyaltyTierChanged;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.PointsExpired;
import dev.userlifecycle.events.PointsRedeemed;
import dev.userlifecycle.events.RedeemPoints;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A user's loyalty points and tier; an entity of {@link User}, created when the user registers. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class LoyaltyAccount {

    static final String COMPENSATION_SOURCE_PREFIX = "incident:";

    private long balance;
    private LoyaltyTier tier = LoyaltyTier.BRONZE;
    private Set<String> earnedSources = new HashSet<>();
    private Set<String> redemptions = new HashSet<>();
    private Set<String> compensatedIncidents = new HashSet<>();

    @CommandHandler
    void handle(EarnPoints command) {
        if (earnedSources.contains(command.sourceId())) {
            return;
        }
        requirePositive(command.points());
        if (command.expiresAt() != null && !command.expiresAt().isAfter(command.occurredAt())) {
            throw new BusinessRuleViolation("expiresAt", "must be after occurredAt");
        }
        apply(new PointsEarned(command.userId(), command.points(), command.reason(), command.sourceId(),
                               command.occurredAt(), command.expiresAt()));
    }

    @CommandHandler
    void handle(RedeemPoints command) {
        if (redemptions.contains(command.redemptionId())) {
            return;
        }
        requirePositive(command.points());
        if (command.points() > balance) {
            throw new BusinessRuleViolation("points", "cannot redeem " + command.points()
                    + " points: the balance is " + balance);
        }
        apply(new PointsRedeemed(command.userId(), command.points(), command.reason(), command.redemptionId(),
                                 command.occurredAt()));
    }

    @CommandHandler
    void handle(ExpirePoints command) {
        requirePositive(command.points());
        long expiring = Math.min(command.points(), balance);
        if (expiring > 0) {
            apply(new PointsExpired(command.userId(), expiring, command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(ChangeLoyaltyTier command) {
        if (command.tier() != tier) {
            apply(new LoyaltyTierChanged(command.userId(), tier, command.tier(), command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(GrantCompensation command) {
        if (compensatedIncidents.contains(command.incidentId())) {
            return;
        }
        requirePositive(command.points());
        apply(new CompensationGranted(command.userId(), command.incidentId(), command.points(),
                                      command.occurredAt()));
        apply(new PointsEarned(command.userId(), command.points(),
                               "compensation for incident " + command.incidentId(),
                               COMPENSATION_SOURCE_PREFIX + command.incidentId(), command.occurredAt(), null));
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
    }

    @EventSourcingHandler
    void on(PointsRedeemed event) {
        balance -= event.points();
        redemptions.add(event.redemptionId());
    }

    @EventSourcingHandler
    void on(PointsExpired event) {
        balance -= event.points();
    }

    @EventSourcingHandler
    void on(LoyaltyTierChanged event) {
        tier = event.to();
    }

    @EventSourcingHandler
    void on(CompensationGranted event) {
        compensatedIncidents.add(event.incidentId());
    }
}
