package dev.userlifecycle.sagas.loyalty;

import dev.userlifecycle.events.EarnPurchasePoints;
import dev.userlifecycle.events.EarnReferralBonus;
import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserCommand;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.sagas.CommandOrigin;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.HandlerExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns purchases into loyalty points: every purchase earns its points ({@link EarnPurchasePoints}, once per order),
 * and the first purchase of a referred user earns the referrer the referral bonus ({@link EarnReferralBonus}, once
 * per referred user). The user aggregate computes the points; this policy only decides what is sent.
 * <p>
 * A plain event handler in its own processing group, not a saga: nothing waits per user in the saga store. A replay
 * sends nothing ({@link DisallowReplay}), and neither does a purchase whose points would have expired by now (an
 * imported history). Both commands are idempotent, so an event handled twice earns once.
 */
@ProcessingGroup(LoyaltyPointsPolicy.PROCESSING_GROUP)
@DisallowReplay
public class LoyaltyPointsPolicy {

    public static final String PROCESSING_GROUP = "loyalty-points";

    /** The commands are the policy's, not those of whoever made the purchase. */
    static final CommandOrigin ORIGIN = CommandOrigin.policy(PROCESSING_GROUP);

    private static final Logger logger = LoggerFactory.getLogger(LoyaltyPointsPolicy.class);

    private final CommandGateway commands;
    private final PendingReferrals referrals;
    private final LoyaltyProgram program;
    private final Clock clock;

    public LoyaltyPointsPolicy(CommandGateway commands, PendingReferrals referrals, LoyaltyProgram program,
                               Clock clock) {
        this.commands = commands;
        this.referrals = referrals;
        this.program = program;
        this.clock = clock;
    }

    @EventHandler
    void on(UserRegistered event) {
        if (event.referrerId() != null) {
            referrals.remember(event.userId(), event.referrerId());
        }
    }

    @EventHandler
    void on(PurchaseMade event) {
        boolean current = isCurrent(event.occurredAt());
        if (current) {
            send(new EarnPurchasePoints(event.userId(), event.orderId(), event.amount(), event.occurredAt()));
        }
        if (event.firstPurchase()) {
            if (current) {
                referrals.referrerOf(event.userId()).ifPresent(referrerId -> send(
                        new EarnReferralBonus(referrerId, event.userId(), event.occurredAt())));
            }
            referrals.forget(event.userId());
        }
    }

    /** Whether points earned at {@code earnedAt} would still be alive now. */
    private boolean isCurrent(Instant earnedAt) {
        return program.expiryOf(earnedAt).isAfter(clock.instant());
    }

    /**
     * Sends and waits, so that a failure fails the event and the processor handles it again; a command the user
     * aggregate refuses would be refused again, and is logged instead.
     */
    private void send(UserCommand command) {
        try {
            commands.sendAndWait(ORIGIN.command(command));
        } catch (RuntimeException e) {
            boolean refused = HandlerExecutionException.resolveDetails(e)
                                                       .filter(LifecycleError.class::isInstance)
                                                       .isPresent();
            if (!refused) {
                throw e;
            }
            logger.warn("The user aggregate refused {}: {}", command, e.getMessage());
        }
    }
}
