package dev.userlifecycle.sagas.dormancy;

import java.time.Instant;

/** The body of {@code POST /api/v1/admin/dormancy/sweeps}; without {@code asOf} the sweep runs as of now. */
record DormancySweepRequest(Instant asOf) {
}
