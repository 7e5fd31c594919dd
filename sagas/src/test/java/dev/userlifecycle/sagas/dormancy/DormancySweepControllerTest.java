package dev.userlifecycle.sagas.dormancy;

import dev.userlifecycle.events.DormancyCandidates;
import dev.userlifecycle.events.FindDormancyCandidates;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DormancySweepControllerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:30:00Z");

    private final DormancySweepController controller = new DormancySweepController(sweepWithoutCandidates(),
                                                                                   Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void withoutABodyOrAsOfTheSweepRunsAsOfTheClocksNow() {
        assertThat(controller.sweep(null, null).asOf()).isEqualTo(NOW);
        assertThat(controller.sweep(new DormancySweepRequest(null), null).asOf()).isEqualTo(NOW);
    }

    @Test
    void aGivenAsOfIsTheSweepsBusinessTime() {
        Instant asOf = Instant.parse("2015-03-01T00:00:00Z");

        assertThat(controller.sweep(new DormancySweepRequest(asOf), null).asOf()).isEqualTo(asOf);
    }

    private static DormancySweep sweepWithoutCandidates() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindDormancyCandidates.class.getName(), DormancyCandidates.class,
                           message -> new DormancyCandidates(List.of(), true));
        return new DormancySweep(DefaultQueryGateway.builder().queryBus(queryBus).build(),
                                 DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build(),
                                 Duration.ofDays(30), 100);
    }
}
