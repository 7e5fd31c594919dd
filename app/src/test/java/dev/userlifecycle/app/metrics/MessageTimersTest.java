package dev.userlifecycle.app.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTimersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private long count(String component, String outcome) {
        return registry.get(MessageTimers.NAME).tag("component", component).tag("outcome", outcome).timer().count();
    }

    @Test
    void eachMessageIsCountedUnderItsComponentAndOutcome() {
        MessageTimers profiles = new MessageTimers(registry, "user-profiles");
        MessageTimers ledger = new MessageTimers(registry, "points-ledger");

        profiles.onMessageIngested(GenericEventMessage.asEventMessage("a")).reportSuccess();
        profiles.onMessageIngested(GenericEventMessage.asEventMessage("b")).reportSuccess();
        profiles.onMessageIngested(GenericEventMessage.asEventMessage("c")).reportFailure(new IllegalStateException());
        ledger.onMessageIngested(GenericEventMessage.asEventMessage("d")).reportIgnored();

        assertThat(count("user-profiles", "success")).isEqualTo(2);
        assertThat(count("user-profiles", "failure")).isEqualTo(1);
        assertThat(count("user-profiles", "ignored")).isZero();
        assertThat(count("points-ledger", "ignored")).isEqualTo(1);
    }

    @Test
    void aComponentBuiltAgainSharesItsTimers() {
        new MessageTimers(registry, "commandBus").onMessageIngested(GenericEventMessage.asEventMessage("a"))
                                                 .reportSuccess();
        new MessageTimers(registry, "commandBus").onMessageIngested(GenericEventMessage.asEventMessage("b"))
                                                 .reportSuccess();

        assertThat(count("commandBus", "success")).isEqualTo(2);
        assertThat(registry.getMeters()).hasSize(3);
    }
}
