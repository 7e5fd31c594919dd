package dev.userlifecycle.events;

/**
 * What a user did on a day. {@link #PURCHASE} is set by the command side when a purchase is the first activity of
 * its day; clients record purchases with {@link RecordPurchase}, never as an activity.
 */
public enum ActivityKind {
    LOGIN, VISIT, CART, SEARCH, SHARE, OTHER, PURCHASE
}
