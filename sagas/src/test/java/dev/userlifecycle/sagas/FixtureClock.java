package dev.userlifecycle.sagas;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** The service's {@link Clock} inside a {@code SagaTestFixture}: it shows the fixture's time, which tests move. */
public final class FixtureClock extends Clock {

    private final Supplier<Instant> now;

    /** Usually {@code new FixtureClock(fixture::currentTime)}. */
    public FixtureClock(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
