package dev.userlifecycle.command;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;

/** Looks up users for the handlers that span more than one aggregate. */
final class Users {

    private Users() {
    }

    /**
     * The registered user {@code userId}, if any. Uses {@code loadOrCreate} rather than {@code load} because Axon's
     * {@code load} logs a warning with a stack trace for every id it does not find, and here that is an expected
     * answer. An empty user created for a missing id has no events; the handler throws, so it is never saved.
     */
    static Optional<Aggregate<User>> find(Repository<User> users, String userId) throws Exception {
        Aggregate<User> user = users.loadOrCreate(userId, User::new);
        return user.invoke(User::isRegistered) ? Optional.of(user) : Optional.empty();
    }
}
