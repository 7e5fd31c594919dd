package dev.userlifecycle.events;

/** A command to the {@code User} aggregate identified by {@link #userId()}. */
public interface UserCommand {

    String userId();
}
