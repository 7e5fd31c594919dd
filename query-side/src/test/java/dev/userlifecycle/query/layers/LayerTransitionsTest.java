package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.FindLayerTransitions;
import dev.userlifecycle.events.FindUserLayerAt;
import dev.userlifecycle.events.LayerTransitions;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.events.UserLayer;
import dev.userlifecycle.query.layering.LayeringParameters;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The movement of users between the layers of two stored runs, checked against each user's own place in both. */
class LayerTransitionsTest {

    private static final LocalDate MAY_31 = LocalDate.of(1998, 5, 31);
    private static final LocalDate JUNE_30 = LocalDate.of(1998, 6, 30);
    private static final List<String> LAYERS = List.of("VALUE_CONTRIBUTOR", "POTENTIAL_GROWER", "MAINTAIN",
                                                       "CHURN_WARNING");

    private LayeringFixture fixture;
    private LayeringRuns runs;
    private LayeringQueries queries;
    private final List<String> userIds = new ArrayList<>();

    @BeforeEach
    void twoRunsAMonthApart() {
        fixture = new LayeringFixture();
        ReadModels readModels = new Generations(fixture.database());
        runs = new LayeringRuns(readModels, fixture.clock(), LayeringFixture.ZONE,
                                LayeringParameters.defaults());
        queries = new LayeringQueries(readModels);
        List<UserFacts> users = new ArrayList<>(Histories.of(3_000, 21, MAY_31));
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 400; i++) {
            UserFacts joinedInJune = Histories.history("june-" + i, random, JUNE_30);
            if (joinedInJune.registeredDay() > MAY_31.toEpochDay()) {
                users.add(joinedInJune);
            }
        }
        fixture.store(users);
        users.forEach(user -> userIds.add(user.userId()));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyUserOfBothRunsCountsOnceByTheLayerInEachAndNewUsersCountAsEntered() {
        LayeringRun may = runs.run(Instant.parse("1998-05-31T04:00:00Z"), null, LayeringTrigger.API);
        LayeringRun june = runs.run(Instant.parse("1998-06-30T04:00:00Z"), null, LayeringTrigger.API);

        LayerTransitions transitions = transitions(june, may);

        Expected expected = expected(MAY_31, JUNE_30);
        assertThat(transitions.layers()).containsExactlyElementsOf(LAYERS);
        assertThat(transitions.run().runId()).isEqualTo(june.runId());
        assertThat(transitions.since().runId()).isEqualTo(may.runId());
        assertThat(transitions.moves()).isEqualTo(expected.moves);
        assertThat(transitions.entered()).isEqualTo(expected.entered);
        assertThat(transitions.left()).isEqualTo(expected.left);
        assertThat(transitions.stayed() + transitions.moved()).isEqualTo(may.users());
        assertThat(transitions.moved()).as("a month changes some users' layers").isPositive();
        assertThat(sum(transitions.entered())).isEqualTo(june.users() - may.users()).isPositive();
        assertThat(sum(transitions.left())).isZero();
    }

    @Test
    void comparedTheOtherWayRoundTheNewUsersHaveLeftAndEveryMoveIsReversed() {
        LayeringRun may = runs.run(Instant.parse("1998-05-31T04:00:00Z"), null, LayeringTrigger.API);
        LayeringRun june = runs.run(Instant.parse("1998-06-30T04:00:00Z"), null, LayeringTrigger.API);

        LayerTransitions forward = transitions(june, may);
        LayerTransitions backward = transitions(may, june);

        assertThat(backward.left()).isEqualTo(forward.entered());
        assertThat(sum(backward.entered())).isZero();
        for (String from : LAYERS) {
            for (String to : LAYERS) {
                assertThat(backward.moves().get(to).get(from)).isEqualTo(forward.moves().get(from).get(to));
            }
        }
    }

    @Test
    void theComparisonIsStoredOnceAndAnsweredTheSameAgain() {
        LayeringRun may = runs.run(Instant.parse("1998-05-31T04:00:00Z"), null, LayeringTrigger.API);
        LayeringRun june = runs.run(Instant.parse("1998-06-30T04:00:00Z"), null, LayeringTrigger.API);

        LayerTransitions first = transitions(june, may);
        LayerTransitions again = transitions(june, may);

        assertThat(again).isEqualTo(first);
        assertThat(fixture.database().getCollection(LayeringCollections.TRANSITIONS).countDocuments()).isEqualTo(1);
    }

    @Test
    void anUnknownRunOnEitherSideAnswersNothing() {
        LayeringRun may = runs.run(Instant.parse("1998-05-31T04:00:00Z"), null, LayeringTrigger.API);

        assertThat(queries.handle(new FindLayerTransitions(may.runId(), "no-such-run"))).isEmpty();
        assertThat(queries.handle(new FindLayerTransitions("no-such-run", may.runId()))).isEmpty();
    }

    private LayerTransitions transitions(LayeringRun run, LayeringRun since) {
        return queries.handle(new FindLayerTransitions(run.runId(), since.runId())).orElseThrow();
    }

    /** The same figures from every user's own layer in each run, one lookup per user and run. */
    private Expected expected(LocalDate sinceDay, LocalDate runDay) {
        Expected expected = new Expected();
        for (String userId : userIds) {
            String before = queries.handle(new FindUserLayerAt(userId, sinceDay)).filter(layer -> layer.asOfDay()
                    .equals(sinceDay)).map(UserLayer::layer).orElse(null);
            String after = queries.handle(new FindUserLayerAt(userId, runDay)).map(UserLayer::layer).orElse(null);
            if (before != null && after != null) {
                expected.moves.get(before).merge(after, 1L, Long::sum);
            } else if (after != null) {
                expected.entered.merge(after, 1L, Long::sum);
            } else if (before != null) {
                expected.left.merge(before, 1L, Long::sum);
            }
        }
        return expected;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static final class Expected {

        final Map<String, Map<String, Long>> moves = new LinkedHashMap<>();
        final Map<String, Long> entered = zeros();
        final Map<String, Long> left = zeros();

        Expected() {
            LAYERS.forEach(layer -> moves.put(layer, zeros()));
        }

        private static Map<String, Long> zeros() {
            Map<String, Long> zeros = new LinkedHashMap<>();
            LAYERS.forEach(layer -> zeros.put(layer, 0L));
            return zeros;
        }
    }
}
