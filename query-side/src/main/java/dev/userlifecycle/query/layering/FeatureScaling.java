package dev.userlifecycle.query.layering;

/** How raw features become the coordinates that k-means clusters, before z-scoring. */
public enum FeatureScaling {
    /** Every feature as it is. A handful of very large spenders can then form a cluster of their own. */
    Z_SCORE,
    /**
     * {@code log(1 + x)} of recency, frequency and monetary value, which are long-tailed, and the
     * active-day counts (bounded by 30 and 90) as they are; the usual preparation of RFM data for
     * k-means, so that clusters describe the bulk of users rather than isolate the tail.
     */
    LOG_SKEWED_THEN_Z_SCORE;

    double toModel(Feature feature, double value) {
        return this == LOG_SKEWED_THEN_Z_SCORE && feature.skewed ? Math.log1p(value) : value;
    }

    double toOriginal(Feature feature, double value) {
        return this == LOG_SKEWED_THEN_Z_SCORE && feature.skewed ? Math.expm1(value) : value;
    }
}
