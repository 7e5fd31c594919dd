package dev.userlifecycle.sagas;

import org.axonframework.test.saga.FixtureConfiguration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's {@link Clock} inside a {@code SagaTestFixture}: it shows the fixture's time, which tests move. */
public final class FixtureClock extends Clock {

    private final FixtureConfiguration fixture;

    public FixtureClock(FixtureConfiguration fixture) {
        this.fixture = fixture;
    }

    @Override
    public Instant instant() {
        return fixture.currentTime();
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
