package dev.userlifecycle.sagas.dormancy;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    @PostMapping
    public DormancySweepReport sweep(@RequestBody(required = false) DormancySweepRequest request) {
        Instant asOf = request == null || request.asOf() == null ? clock.instant() : request.asOf();
        return sweep.sweep(asOf);
    }
}
