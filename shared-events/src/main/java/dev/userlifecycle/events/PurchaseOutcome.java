package dev.userlifecycle.events;

/** The result of {@link RecordPurchase}: a repeated order id for the same user records nothing. */
public enum PurchaseOutcome {
    RECORDED, ALREADY_RECORDED
}
