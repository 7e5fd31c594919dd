package dev.userlifecycle.sagas.dormancy;

import dev.userlifecycle.sagas.CommandOrigin;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;

/** Runs a dormancy sweep on demand, as of a given business time (an import of history, a missed night) or now. */
@RestController
@RequestMapping("/api/v1/admin/dormancy/sweeps")
public class DormancySweepController {

    private final DormancySweep sweep;
    private final Clock clock;

    public DormancySweepController(DormancySweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    /** The commands of the sweep are attributed to the {@code requester} (the API key's owner). */
    @PostMapping
    public DormancySweepReport sweep(@RequestBody(required = false) DormancySweepRequest request,
                                     Principal requester) {
        Instant asOf = request == null || request.asOf() == null ? clock.instant() : request.asOf();
        String requestedBy = requester == null ? null : requester.getName();
        return sweep.sweep(asOf, CommandOrigin.requestedSweep(DormancySweep.NAME, requestedBy));
    }
}
