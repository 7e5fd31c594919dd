package dev.userlifecycle.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRoundTripTest {

    // strict about unknown properties, so a helper method that Jackson mistakes for a property fails here
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static List<Object> events() {
        return Examples.events();
    }

    static List<Object> commands() {
        return Examples.commands();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventSurvivesAJsonRoundTrip(Object event) throws Exception {
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandSurvivesAJsonRoundTrip(Object command) throws Exception {
        assertThat(roundTrip(command)).isEqualTo(command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void timesAreWrittenAsIsoInstants(Object event) throws Exception {
        assertThat(mapper.readTree(mapper.writeValueAsString(event)).get("occurredAt").asText())
                .isEqualTo(((LifecycleEvent) event).occurredAt().toString());
    }

    private Object roundTrip(Object message) throws Exception {
        return mapper.readValue(mapper.writeValueAsString(message), message.getClass());
    }
}
