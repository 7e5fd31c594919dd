package dev.userlifecycle.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userlifecycle.eventstore.testing.TestMongo;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link IdempotencyFilter} keeps of an answer: a transient refusal is not the key's final answer. */
class TransientAnswersTest {

    TestMongo mongo;
    IdempotencyFilter filter;
    AtomicInteger handled = new AtomicInteger();

    @BeforeEach
    void start() {
        mongo = TestMongo.start();
        filter = new IdempotencyFilter(mongo.database(), new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aLostConcurrencyRaceIsNotKeptSoTheRetryWithTheSameKeyRuns() throws Exception {
        send(answering(409, true));
        MockHttpServletResponse retry = send(answering(201, false));

        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(handled).as("the retry reached the handler").hasValue(2);
    }

    @Test
    void aRefusalForGoodIsKeptAndRepeated() throws Exception {
        send(answering(409, false));
        MockHttpServletResponse retry = send(answering(201, false));

        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(handled).as("the repeat was answered from the kept answer").hasValue(1);
    }

    private FilterChain answering(int status, boolean transientRefusal) {
        return (request, response) -> {
            handled.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            if (transientRefusal) {
                http.setHeader(HttpHeaders.RETRY_AFTER, "1");
            }
            http.setContentType("application/json");
            http.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
        };
    }

    private MockHttpServletResponse send(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/users/u-1/purchases");
        request.addHeader("Idempotency-Key", "k-1");
        request.setContentType("application/json");
        request.setContent("{\"orderId\": \"o-1\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
