package dev.userlifecycle.command;

import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.RegisterUser;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Registers users. A registration with a referrer touches two aggregates: it checks that the referrer exists and
 * records the referral in the referrer's stream, in the same unit of work as the registration.
 */
class RegistrationHandler {

    private final Repository<User> users;

    RegistrationHandler(Repository<User> users) {
        this.users = users;
    }

    @CommandHandler
    String handle(RegisterUser command) throws Exception {
        Aggregate<User> referrer = command.referrerId() == null ? null : referrerOf(command);
        users.loadOrCreate(command.userId(), User::new).execute(user -> user.register(command));
        if (referrer != null) {
            referrer.execute(user -> user.recordReferral(command.userId(), command.occurredAt()));
        }
        return command.userId();
    }

    private Aggregate<User> referrerOf(RegisterUser command) throws Exception {
        String referrerId = command.referrerId();
        if (referrerId.equals(command.userId())) {
            throw new BusinessRuleViolation("referrerId", "a user cannot refer themself");
        }
        return Users.find(users, referrerId).orElseThrow(() -> new BusinessRuleViolation(
                "referrerId", "no user '" + referrerId + "' to be the referrer"));
    }
}
