package dev.userlifecycle.query.rebuild;

/** Where a rebuild of a projection is. */
public enum RebuildState {
    /** The fresh copy follows the event store from its start; the current generation answers. */
    RUNNING,
    /** The copy has caught up: the live processor is stopped while the copy reaches its position and takes over. */
    SWITCHING,
    /** The copy answers; the generation before it is dropped once the retire delay has passed. */
    COMPLETED,
    /** The copy could not take over and was dropped; the current generation answers as before. */
    FAILED;

    boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
