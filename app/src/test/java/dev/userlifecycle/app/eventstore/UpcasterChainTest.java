package dev.userlifecycle.app.eventstore;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's upcaster chain is made of every upcaster bean; it used to keep only the first. */
class UpcasterChainTest {

    private final List<String> applied = new ArrayList<>();

    private EventUpcaster recording(String name) {
        return events -> events.peek(event -> applied.add(name));
    }

    @Test
    void everyUpcasterBeanIsAppliedInItsOrder() {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("first", recording("first"));
        beans.put("second", recording("second"));
        StaticListableBeanFactory context = new StaticListableBeanFactory(beans);

        EventUpcaster chain = EventStoreConfiguration.upcasterChain(context.getBeanProvider(EventUpcaster.class))
                                                     .orElseThrow();
        chain.upcast(Stream.of((IntermediateEventRepresentation) null)).forEach(event -> {
        });

        assertThat(applied).containsExactly("first", "second");
    }

    @Test
    void withoutUpcastersThereIsNoChain() {
        StaticListableBeanFactory context = new StaticListableBeanFactory(Map.of());

        assertThat(EventStoreConfiguration.upcasterChain(context.getBeanProvider(EventUpcaster.class))).isEmpty();
    }
}
