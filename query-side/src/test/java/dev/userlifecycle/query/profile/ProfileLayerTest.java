package dev.userlifecycle.query.profile;

import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.events.UserLayer;
import dev.userlifecycle.events.UserProfile;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.query.layering.LayeringParameters;
import dev.userlifecycle.query.layers.Histories;
import dev.userlifecycle.query.layers.LatestUserLayer;
import dev.userlifecycle.query.layers.LayeringFixture;
import dev.userlifecycle.query.layers.LayeringRuns;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.store.ReadModels;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile's {@code layer} and {@code rfm} come from the user's place in the latest layering run. */
class ProfileLayerTest {

    private LayeringFixture fixture;
    private UserProfileProjection projection;
    private LayeringRuns runs;

    @BeforeEach
    void start() {
        fixture = new LayeringFixture();
        ReadModels readModels = new Generations(fixture.database());
        projection = new UserProfileProjection(readModels, SimpleQueryUpdateEmitter.builder().build());
        runs = new LayeringRuns(readModels, fixture.clock(), LayeringFixture.ZONE, LayeringParameters.defaults());
        fixture.store(Histories.of(100, 21, LocalDate.of(1998, 5, 1)));
        projection.on(new UserRegistered("u-7", new AcquisitionChannel("app-store", "cpc", "spring"), null, null, null,
                                         null, Instant.parse("1998-04-01T00:00:00Z")), 0,
                      new GlobalSequenceTrackingToken(0));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theProfileShowsNoLayerBeforeTheFirstRun() {
        UserProfile profile = projection.handle(new FindUserProfile("u-7")).orElseThrow();

        assertThat(profile.layer()).isNull();
        assertThat(profile.rfm()).isNull();
    }

    @Test
    void theProfileShowsTheLayerAndRfmOfTheLatestRun() {
        runs.run(Instant.parse("1998-05-15T00:00:00Z"), null, LayeringTrigger.API);
        LayeringRun latest = runs.run(Instant.parse("1998-06-30T00:00:00Z"), 3, LayeringTrigger.API);
        runs.run(Instant.parse("1998-06-01T00:00:00Z"), null, LayeringTrigger.API);

        UserProfile profile = projection.handle(new FindUserProfile("u-7")).orElseThrow();

        UserLayer expected = new LatestUserLayer(fixture.database()).find("u-7").orElseThrow();
        assertThat(expected.runId()).isEqualTo(latest.runId());
        assertThat(profile.layer()).isEqualTo(expected.layer());
        assertThat(profile.rfm()).isEqualTo(expected.rfm());
        assertThat(profile.rfm().segment()).isNotBlank();
    }
}
