package dev.userlifecycle.events;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
