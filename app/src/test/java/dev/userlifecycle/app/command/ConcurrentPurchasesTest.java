package dev.userlifecycle.app.command;

import dev.userlifecycle.app.Http;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentPurchasesTest {

    private static final int THREADS = 8;
    private static final int PURCHASES = 200;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EventStore eventStore;

    @Test
    void eightThreadsPosting200PurchasesForOneUserStoreExactly200() throws Exception {
        Http http = new Http(rest);
        String userId = UserCommandApiTest.newUserId();
        assertThat(http.post("/api/v1/users", UserCommandApiTest.registration(userId)).status()).isEqualTo(201);

        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < PURCHASES; i++) {
                String body = "{\"orderId\": \"order-" + i + "\", \"amount\": {\"amount\": \"9.90\", \"currency\": \"CNY\"}}";
                statuses.add(clients.submit(() -> http.post("/api/v1/users/" + userId + "/purchases", body).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(2, TimeUnit.MINUTES)).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }

        List<String> orderIds = eventStore.readEvents(userId, 0).asStream()
                                          .filter(e -> e.getPayloadType().getSimpleName().equals("PurchaseMade"))
                                          .map(e -> ((dev.userlifecycle.events.PurchaseMade) e.getPayload()).orderId())
                                          .toList();
        assertThat(orderIds).hasSize(PURCHASES).doesNotHaveDuplicates();
    }
}
