package dev.userlifecycle.app.importing;

/** The read models of this process, which an import waits for after its last line. */
@FunctionalInterface
public interface ReadModels {

    /**
     * Waits until the read models have processed every stored event and their figures are written.
     *
     * @throws IllegalStateException when they do not within the configured time
     */
    void awaitCaughtUp() throws InterruptedException;
}
