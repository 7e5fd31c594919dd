package dev.userlifecycle.query.layering;

import java.util.ArrayList;
import java.util.List;

/**
 * Classic RFM scores by quintile over a population.
 *
 * <p>The rule, the same for the three scores: a user's score is
 * <pre>  score = 1 + floor(5 * worse / n)</pre>
 * where {@code n} is the size of the population and {@code worse} the number of users whose value
 * is strictly worse than this user's: strictly larger {@code recencyDays} for recency (more recent
 * is better), strictly smaller {@code frequency} or {@code monetary} for the other two. Equivalently,
 * users are ranked from worst to best (0-based), tied users all take the rank of the first of
 * them, and rank {@code r} falls into quintile {@code 1 + floor(5r / n)}; in pandas,
 * {@code 1 + (5 * (s.rank(method="min") - 1)) // n}, with {@code s} the negated recency for R.
 *
 * <p>So: equal values always get equal scores; a score never decreases as the value improves; the
 * worst value always scores 1; and a score {@code s} says that at least {@code (s - 1) * 20%} of the
 * population is strictly worse. Heavy ties leave gaps instead of splitting equal users apart:
 * when 60% of users made exactly one purchase (and nobody none), all of them score F = 1 and the
 * next frequency scores 4, since 60% are below it. A tied block at the top scores below 5 when it
 * is larger than 20% of the population (30% active today: R = 4 for all of them). With fewer than
 * five users some scores are skipped too; a single user scores (1, 1, 1).
 *
 * <p>Scores depend only on the population's values, never on its order.
 */
public final class RfmScorer {

    private RfmScorer() {
    }

    /** The scores of every user, in the order of {@code users}; empty for an empty population. */
    public static List<RfmScores> score(List<UserFeatures> users) {
        int n = users.size();
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            UserFeatures user = users.get(i);
            recency[i] = user.recencyDays();
            frequency[i] = user.frequency();
            monetary[i] = user.monetary();
        }
        int[] r = QuintileScores.lowerIsBetter(recency);
        int[] f = QuintileScores.higherIsBetter(frequency);
        int[] m = QuintileScores.higherIsBetter(monetary);
        List<RfmScores> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            scores.add(new RfmScores(r[i], f[i], m[i]));
        }
        return scores;
    }
}
