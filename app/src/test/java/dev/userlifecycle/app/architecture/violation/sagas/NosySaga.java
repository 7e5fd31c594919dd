package dev.userlifecycle.app.architecture.violation.sagas;

import dev.userlifecycle.app.architecture.violation.command.LeakyCommandHandler;

/** A saga that reaches into a command-side class instead of sending a command. */
public class NosySaga {

    public Class<?> handler() {
        return LeakyCommandHandler.class;
    }
}
