package dev.userlifecycle.app.query;

import dev.userlifecycle.app.Http;
import dev.userlifecycle.events.MarkUserDormant;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Users registered and activated through the HTTP API, made dormant as the dormancy sweep would. */
final class UserHistories {

    static final Duration DORMANCY_PERIOD = Duration.ofDays(30);

    private final Http http;
    private final CommandGateway commands;

    UserHistories(Http http, CommandGateway commands) {
        this.http = http;
        this.commands = commands;
    }

    /** A user registered at {@code registeredAt} and active at {@code activeAt}; no consent to any channel. */
    String activeUser(String name, Instant registeredAt, Instant activeAt) {
        String userId = name + "-" + UUID.randomUUID();
        Http.Response registered = http.post("/api/v1/users", """
                {"userId": "%s", "occurredAt": "%s", "channel": {"source": "app-store"}}""".formatted(userId,
                                                                                                registeredAt));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        Http.Response activated = http.post("/api/v1/users/" + userId + "/activation",
                                            "{\"occurredAt\": \"" + activeAt + "\"}");
        assertThat(activated.status()).as(activated.body().toString()).isBetween(200, 204);
        return userId;
    }

    /** A user registered at {@code registeredAt} who went dormant at {@code dormantAt}, inactive since a period. */
    String dormantUser(String name, Instant registeredAt, Instant dormantAt) {
        String userId = activeUser(name, registeredAt, dormantAt.minus(DORMANCY_PERIOD));
        commands.sendAndWait(new MarkUserDormant(userId, dormantAt, DORMANCY_PERIOD));
        return userId;
    }
}
