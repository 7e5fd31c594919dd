package dev.userlifecycle.query.layering;

/** The four layers that the growth team acts on, best first. */
public enum Layer {
    /** Recent, frequent and high-spending: the users who carry the revenue. */
    VALUE_CONTRIBUTOR,
    /** Recently active but of low value so far: worth growing. */
    POTENTIAL_GROWER,
    /** Neither the best, nor the most recent of the rest, nor gone: keep them where they are. */
    MAINTAIN,
    /** The longest inactive: about to be lost, or lost. */
    CHURN_WARNING
}
