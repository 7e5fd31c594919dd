package dev.userlifecycle.app.readme;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Asks again every half second until the answer is there; a refused connection means "not yet". */
final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private Poll() {
    }

    static <T> T poll(String what, Duration atMost, Callable<T> probe, Predicate<T> done) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(INTERVAL)
                         .ignoreExceptionsInstanceOf(IOException.class).until(probe, done::test);
    }
}
