package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.FindLayerTransitions;
import dev.userlifecycle.events.LayerTransitions;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.query.layering.LayeringParameters;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A layering run over a million stored users on the in-memory embedded MongoDB, the latency of the profile's
 * layer lookup afterwards, and how long comparing it with a second run takes. Opt-in, it needs a few gigabytes and a
 * few minutes:
 * {@code mvn -pl query-side test -Dtest=MillionUsersLayeringRunTest -Dlayering.scale=true}.
 */
@EnabledIfSystemProperty(named = "layering.scale", matches = "true")
class MillionUsersLayeringRunTest {

    private static final int USERS = Integer.getInteger("layering.users", 1_000_000);
    private static final LocalDate LAST_DAY = LocalDate.of(1998, 6, 30);

    @Test
    void aRunOverAMillionUsersTakesUnderThirtySeconds() {
        try (LayeringFixture fixture = new LayeringFixture()) {
            ReadModels readModels = new Generations(fixture.database());
            long seeding = System.nanoTime();
            SplittableRandom random = new SplittableRandom(1);
            for (int from = 0; from < USERS; from += 100_000) {
                UserFacts[] batch = new UserFacts[Math.min(100_000, USERS - from)];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = Histories.history("u-" + (from + i), random, LAST_DAY);
                }
                fixture.store(Arrays.asList(batch));
            }
            System.out.printf("seeded %d users in %d ms%n", USERS, millisSince(seeding));
            LayeringRuns runs = new LayeringRuns(readModels, fixture.clock(), LayeringFixture.ZONE,
                                                 LayeringParameters.defaults());

            long start = System.nanoTime();
            LayeringRun run = runs.run(Instant.parse("1998-06-30T04:00:00Z"), null, LayeringTrigger.API);
            Duration took = Duration.ofMillis(millisSince(start));
            System.out.printf("run over %d users: %d ms (%d iterations, converged %s)%n", run.users(),
                              took.toMillis(), run.iterations(), run.converged());

            LatestUserLayer lookup = new LatestUserLayer(fixture.database());
            long[] micros = new long[10_000];
            for (int i = 0; i < micros.length; i++) {
                String userId = "u-" + random.nextInt(USERS);
                long t = System.nanoTime();
                assertThat(lookup.find(userId)).isPresent();
                micros[i] = (System.nanoTime() - t) / 1_000;
            }
            Arrays.sort(micros);
            System.out.printf("latest layer of a user: p50 %d µs, p99 %d µs, max %d µs%n",
                              micros[micros.length / 2], micros[micros.length * 99 / 100], micros[micros.length - 1]);

            LayeringRun later = runs.run(Instant.parse("1998-07-31T04:00:00Z"), null, LayeringTrigger.API);
            LayeringQueries queries = new LayeringQueries(readModels);
            long comparing = System.nanoTime();
            LayerTransitions transitions = queries.handle(new FindLayerTransitions(later.runId(), run.runId()))
                                                  .orElseThrow();
            long compared = millisSince(comparing);
            long rereading = System.nanoTime();
            queries.handle(new FindLayerTransitions(later.runId(), run.runId())).orElseThrow();
            System.out.printf("transitions between two runs of %d users: %d ms, then stored: %d ms%n", USERS,
                              compared, millisSince(rereading));

            assertThat(run.users()).isEqualTo(USERS);
            assertThat(transitions.stayed() + transitions.moved()).isEqualTo(USERS);
            assertThat(took).isLessThan(Duration.ofSeconds(30));
            assertThat(fixture.database().getCollection(LayeringCollections.ASSIGNMENTS).countDocuments())
                    .isLessThanOrEqualTo(AssignmentChunks.BUCKETS);
            assertThat(List.of(micros[micros.length * 99 / 100])).allMatch(p99 -> p99 < 5_000);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
