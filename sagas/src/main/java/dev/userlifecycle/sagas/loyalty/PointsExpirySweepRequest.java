package dev.userlifecycle.sagas.loyalty;

import java.time.Instant;

/** The body of {@code POST /api/v1/admin/points/expiry-sweeps}; without {@code asOf} the sweep runs as of now. */
record PointsExpirySweepRequest(Instant asOf) {
}
