package dev.userlifecycle.query.layering;

/** A user's recency, frequency and monetary scores, each 1 (worst) to 5 (best). */
public record RfmScores(int recency, int frequency, int monetary) {

    public RfmScores {
        requireScore("recency", recency);
        requireScore("frequency", frequency);
        requireScore("monetary", monetary);
    }

    public RfmSegment segment() {
        return RfmSegment.of(this);
    }

    private static void requireScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " score must be within 1..5: " + score);
        }
    }
}
