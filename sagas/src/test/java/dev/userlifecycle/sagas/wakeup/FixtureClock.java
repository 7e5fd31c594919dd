package dev.userlifecycle.sagas.wakeup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A clock that reads the time of a saga test fixture, so the saga sees the time the test moves. */
final class FixtureClock extends Clock {

    private final Supplier<Instant> now;

    FixtureClock(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
