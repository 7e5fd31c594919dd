package dev.userlifecycle.query.layering;

/**
 * The eleven standard RFM segments and the grid that maps scores onto them.
 *
 * <p>The grid is recency (R) against {@code FM}, the average of the frequency and monetary scores
 * rounded half up ({@code (F + M + 1) / 2} in integers), so every one of the 125 score triples
 * falls into exactly one cell of 25:
 * <pre>
 *          FM=1            FM=2                FM=3                FM=4       FM=5
 *   R=5    New             Potential Loyalist  Potential Loyalist  Champions  Champions
 *   R=4    Promising       Potential Loyalist  Potential Loyalist  Loyal      Loyal
 *   R=3    About to Sleep  About to Sleep      Need Attention      Loyal      Loyal
 *   R=2    Hibernating     Hibernating         At Risk             At Risk    Can't Lose Them
 *   R=1    Lost            Hibernating         At Risk             At Risk    Can't Lose Them
 * </pre>
 * This is the widely used R-against-F segment map of RFM tutorials for pandas (segments matched
 * on the two score digits: 5[4-5] champions, [3-4][4-5] loyal, [4-5][2-3] potential loyalists,
 * 51 new, 41 promising, 33 need attention, 3[1-2] about to sleep, [1-2][3-4] at risk, [1-2]5 can't
 * lose, [1-2][1-2] hibernating), with F replaced by the average of F and M, as in the R against
 * F-and-M grids of RFM guides, and with the worst cell (1, 1) split off from Hibernating as Lost,
 * the eleventh segment of those guides.
 */
public enum RfmSegment {
    CHAMPIONS("Champions"),
    LOYAL("Loyal"),
    POTENTIAL_LOYALIST("Potential Loyalist"),
    NEW("New"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need Attention"),
    ABOUT_TO_SLEEP("About to Sleep"),
    AT_RISK("At Risk"),
    CANT_LOSE_THEM("Can't Lose Them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    private static final RfmSegment[][] BY_RECENCY_THEN_FM = {
            {LOST, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
            {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
            {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
            {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL},
            {NEW, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS},
    };

    private final String displayName;

    RfmSegment(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static RfmSegment of(RfmScores scores) {
        return BY_RECENCY_THEN_FM[scores.recency() - 1][frequencyMonetary(scores) - 1];
    }

    public static RfmSegment of(int recency, int frequency, int monetary) {
        return of(new RfmScores(recency, frequency, monetary));
    }

    /** The average of the frequency and monetary scores, rounded half up. */
    public static int frequencyMonetary(RfmScores scores) {
        return (scores.frequency() + scores.monetary() + 1) / 2;
    }
}
