package dev.userlifecycle.events;

import java.time.Instant;

/** An event of the service; {@link #occurredAt()} is business time, the time analytics and dormancy use. */
public interface LifecycleEvent {

    Instant occurredAt();
}
