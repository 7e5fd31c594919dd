package dev.userlifecycle.query.layering;

/** Where one user ended up in a layering run. */
public record UserLayering(String userId, Layer layer, int cluster, RfmScores rfm, RfmSegment segment) {
}
