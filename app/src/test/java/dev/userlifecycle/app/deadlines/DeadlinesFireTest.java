package dev.userlifecycle.app.deadlines;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** In a running application a saga's deadline fires when due, and a cancelled one never does. */
@SpringBootTest(properties = {DeadlineProbeSaga.ENABLED + "=true"})
@ActiveProfiles("test")
class DeadlinesFireTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    ApplicationContext app;

    @Test
    void aScheduledDeadlineFires() throws InterruptedException {
        String userId = Probes.newProbeUser();

        Probes.register(app, userId);

        assertThat(Probes.fired(app, userId)).as("not before it is due").isFalse();
        Probes.awaitFired(app, userId, TIMEOUT);
    }

    @Test
    void aCancelledDeadlineDoesNotFire() throws InterruptedException {
        String cancelled = Probes.newProbeUser();
        Probes.register(app, cancelled);
        Probes.activate(app, cancelled);
        // due after the cancelled one: once it fired, the cancelled one would have fired too
        String control = Probes.newProbeUser();
        Probes.register(app, control);

        Probes.awaitFired(app, control, TIMEOUT);

        assertThat(Probes.fired(app, cancelled)).isFalse();
    }
}
