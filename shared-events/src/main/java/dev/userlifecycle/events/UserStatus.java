package dev.userlifecycle.events;

public enum UserStatus {
    REGISTERED, ACTIVE, DORMANT
}
