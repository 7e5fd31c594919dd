package dev.userlifecycle.sagas.loyalty;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** Runs a points expiry sweep on demand, as of a given business time (a missed night, an import) or now. */
@RestController
@RequestMapping("/api/v1/admin/points/expiry-sweeps")
public class PointsExpirySweepController {

    private final PointsExpirySweep sweep;
    private final Clock clock;

    public PointsExpirySweepController(PointsExpirySweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @PostMapping
    public PointsExpirySweepReport sweep(@RequestBody(required = false) PointsExpirySweepRequest request) {
        Instant asOf = request == null || request.asOf() == null ? clock.instant() : request.asOf();
        return sweep.sweep(asOf);
    }
}
