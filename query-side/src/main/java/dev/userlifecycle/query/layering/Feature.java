package dev.userlifecycle.query.layering;

/** The columns of the k-means feature matrix, in this order. */
enum Feature {
    RECENCY_DAYS(true),
    ACTIVE_DAYS_30(false),
    ACTIVE_DAYS_90(false),
    FREQUENCY(true),
    MONETARY(true);

    static final int COUNT = values().length;

    /** Non-negative and long-tailed: a few users are far out, so a log scale suits k-means better. */
    final boolean skewed;

    Feature(boolean skewed) {
        this.skewed = skewed;
    }

    double of(UserFeatures user) {
        return switch (this) {
            case RECENCY_DAYS -> user.recencyDays();
            case ACTIVE_DAYS_30 -> user.activeDays30();
            case ACTIVE_DAYS_90 -> user.activeDays90();
            case FREQUENCY -> user.frequency();
            case MONETARY -> user.monetary();
        };
    }

    int column() {
        return ordinal();
    }
}
