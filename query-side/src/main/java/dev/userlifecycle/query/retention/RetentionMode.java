package dev.userlifecycle.query.retention;

/** When a user counts as retained in period k of a cohort table. */
public enum RetentionMode {
    /** Active in period k itself ("N-day retention"). */
    ON,
    /** Active in period k or in any later period up to the end of the data ("unbounded retention"). */
    ON_OR_AFTER
}
