package dev.userlifecycle.query.layering;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class RfmScorerTest {

    @Test
    void tenDistinctValuesFillTheQuintilesTwoByTwo() {
        List<UserFeatures> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(user("u" + i, i, i, i * 10.0));
        }

        List<RfmScores> scores = RfmScorer.score(users);

        assertThat(scores).extracting(RfmScores::frequency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(scores).extracting(RfmScores::monetary).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(scores).extracting(RfmScores::recency).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    }

    @Test
    void tiedUsersShareTheScoreOfTheFirstOfThemSoSixtyPercentOneTimeBuyersAllScoreOne() {
        int[] frequencies = {1, 1, 1, 1, 1, 1, 2, 3, 3, 7};
        List<UserFeatures> users = new ArrayList<>();
        for (int i = 0; i < frequencies.length; i++) {
            users.add(user("u" + i, 5, frequencies[i], 10));
        }

        List<RfmScores> scores = RfmScorer.score(users);

        // 2 has 6 of 10 below it: 1 + floor(30 / 10) = 4; 3 has 7 below: 1 + floor(3.5) = 4; 7 has 9 below: 5
        assertThat(scores).extracting(RfmScores::frequency).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 4, 5);
        assertThat(scores).extracting(RfmScores::monetary).containsOnly(1);
        assertThat(scores).extracting(RfmScores::recency).containsOnly(1);
    }

    @Test
    void aTiedBlockOfMostRecentUsersLargerThanAFifthScoresBelowFive() {
        double[] recencies = {0, 0, 0, 1, 2, 2, 9, 30, 30, 400};
        List<UserFeatures> users = new ArrayList<>();
        for (int i = 0; i < recencies.length; i++) {
            users.add(user("u" + i, recencies[i], 1, 10));
        }

        List<RfmScores> scores = RfmScorer.score(users);

        // 0 days: 7 of 10 are less recent, 1 + floor(3.5) = 4; 1 day: 6 less recent, 4; 2 days: 4 less recent, 3
        assertThat(scores).extracting(RfmScores::recency).containsExactly(4, 4, 4, 4, 3, 3, 2, 1, 1, 1);
    }

    @Test
    void scoresMatchAnIndependentCountOfStrictlyWorseUsersOnHeavilyTiedData() {
        Random random = new Random(11);
        List<UserFeatures> users = new ArrayList<>();
        for (int i = 0; i < 997; i++) {
            int frequency = random.nextInt(10) < 6 ? 1 : random.nextInt(12);
            double monetary = frequency == 0 ? 0 : Math.round(random.nextDouble() * 20) * 5.0;
            users.add(user("u" + i, random.nextInt(40), frequency, monetary));
        }

        List<RfmScores> scores = RfmScorer.score(users);

        for (int i = 0; i < users.size(); i++) {
            UserFeatures user = users.get(i);
            assertThat(scores.get(i)).as(user.userId()).isEqualTo(new RfmScores(
                    byCounting(users, u -> -u.recencyDays(), user),
                    byCounting(users, UserFeatures::frequency, user),
                    byCounting(users, UserFeatures::monetary, user)));
        }
    }

    @Test
    void aUsersScoresDoNotDependOnTheOrderOfThePopulation() {
        Random random = new Random(5);
        List<UserFeatures> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            users.add(user("u" + i, random.nextInt(60), random.nextInt(5), random.nextInt(8) * 12.5));
        }
        List<UserFeatures> shuffled = new ArrayList<>(users);
        Collections.shuffle(shuffled, new Random(9));

        List<RfmScores> scores = RfmScorer.score(users);
        List<RfmScores> shuffledScores = RfmScorer.score(shuffled);

        for (int i = 0; i < shuffled.size(); i++) {
            assertThat(shuffledScores.get(i)).isEqualTo(scores.get(users.indexOf(shuffled.get(i))));
        }
    }

    @Test
    void anEmptyPopulationHasNoScoresAndASingleUserScoresOneEverywhere() {
        assertThat(RfmScorer.score(List.of())).isEmpty();
        assertThat(RfmScorer.score(List.of(user("only", 0, 9, 999))))
                .containsExactly(new RfmScores(1, 1, 1));
    }

    /** The documented rule, computed by brute force: 1 + floor(5 * strictly worse / n), higher value better. */
    private static int byCounting(List<UserFeatures> users, ToDoubleFunction<UserFeatures> value, UserFeatures user) {
        long worse = users.stream().filter(u -> value.applyAsDouble(u) < value.applyAsDouble(user)).count();
        return 1 + (int) Math.floor(5.0 * worse / users.size());
    }

    private static UserFeatures user(String id, double recencyDays, int frequency, double monetary) {
        return new UserFeatures(id, recencyDays, 0, 0, frequency, monetary);
    }
}
