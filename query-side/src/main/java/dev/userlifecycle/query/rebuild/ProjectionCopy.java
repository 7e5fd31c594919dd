package dev.userlifecycle.query.rebuild;

/**
 * A fresh instance of a projection that writes into the collections of a new generation, run by a rebuild's own
 * tracking processor.
 */
interface ProjectionCopy {

    /** The projection instance whose event handlers the copy's processor calls. */
    Object eventHandler();

    /** Writes what the copy derives from its documents and keeps in memory; called as it goes and before the switch. */
    default void flush() {
    }

    /**
     * Runs {@code pointQueriesAtCopy}, the moment the copy becomes the read model, with whatever the live projection
     * must hand over at that moment.
     */
    default void switchOver(Runnable pointQueriesAtCopy) {
        pointQueriesAtCopy.run();
    }
}
