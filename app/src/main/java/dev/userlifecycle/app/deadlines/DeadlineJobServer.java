package dev.userlifecycle.app.deadlines;

import org.jobrunr.server.BackgroundJobServer;
import org.springframework.context.SmartLifecycle;

/**
 * Runs JobRunr's job server once Axon has started its sagas (so a due deadline finds the saga that handles it) and
 * stops it before Axon stops, letting a deadline being handled finish.
 */
class DeadlineJobServer implements SmartLifecycle {

    /** After Axon's configuration (phase {@code Integer.MAX_VALUE - 3072}), before the web server. */
    static final int PHASE = Integer.MAX_VALUE - 1024;

    private final BackgroundJobServer server;

    DeadlineJobServer(BackgroundJobServer server) {
        this.server = server;
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
