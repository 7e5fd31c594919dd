package dev.userlifecycle.events;

/** An event in the stream of the user {@link #userId()}. */
public interface UserEvent extends LifecycleEvent {

    String userId();
}
