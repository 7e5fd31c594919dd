package dev.userlifecycle.app.architecture.violation.command;

import dev.userlifecycle.app.architecture.violation.query.ProfileView;

/** Breaks the rules on purpose: a command-side class that reads a query-side view. */
public class LeakyCommandHandler {

    public String handle(ProfileView view) {
        return view.status();
    }
}
