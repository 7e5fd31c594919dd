package dev.userlifecycle.events;

public enum WakeUpOutcome {
    REACTIVATED, EXPIRED
}
