package dev.userlifecycle.events;

/**
 * A channel of outreach. {@link #CALL} is a task for customer service to call the user: a service contact rather
 * than marketing, so no consent flag governs it and {@link ChannelConsents#allows} always allows it.
 */
public enum Channel {
    SMS, PUSH, EMAIL, CALL
}
