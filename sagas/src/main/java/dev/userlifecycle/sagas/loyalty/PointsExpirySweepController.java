package dev.userlifecycle.sagas.loyalty;

import dev.userlifecycle.sagas.CommandOrigin;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
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

    /** The commands of the sweep are attributed to the {@code requester} (the API key's owner). */
    @PostMapping
    public PointsExpirySweepReport sweep(@RequestBody(required = false) PointsExpirySweepRequest request,
                                         Principal requester) {
        Instant asOf = request == null || request.asOf() == null ? clock.instant() : request.asOf();
        String requestedBy = requester == null ? null : requester.getName();
        return sweep.sweep(asOf, CommandOrigin.requestedSweep(PointsExpirySweep.NAME, requestedBy));
    }
}
