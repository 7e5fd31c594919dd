package dev.userlifecycle.sagas.outreach;

import java.time.Duration;

/** Pauses between attempts; tests pass one that only records the pauses. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = pause -> Thread.sleep(pause.toMillis());

    void sleep(Duration pause) throws InterruptedException;
}
