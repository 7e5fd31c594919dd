package dev.userlifecycle.app.deadlines;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivateUser;
import dev.userlifecycle.events.RegisterUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.fail;

/** Drives {@link DeadlineProbeSaga} in a running application and watches what it recorded. */
final class Probes {

    private Probes() {
    }

    static String newProbeUser() {
        return DeadlineProbeSaga.PREFIX + UUID.randomUUID();
    }

    static void register(ApplicationContext app, String userId) {
        app.getBean(CommandGateway.class).sendAndWait(new RegisterUser(
                userId, new AcquisitionChannel("test", null, null), null, null, null, null, Instant.now()));
    }

    static void activate(ApplicationContext app, String userId) {
        app.getBean(CommandGateway.class).sendAndWait(new ActivateUser(userId, Instant.now()));
    }

    static boolean fired(ApplicationContext app, String userId) {
        return record(app, userId) != null;
    }

    static Instant firedAt(ApplicationContext app, String userId) {
        return record(app, userId).getDate("firedAt").toInstant();
    }

    private static Document record(ApplicationContext app, String userId) {
        return app.getBean(MongoDatabase.class).getCollection(DeadlineProbeSaga.FIRED)
                  .find(new Document("_id", userId)).first();
    }

    /** Polls until the probe's deadline fired; fails after {@code timeout}. */
    static Duration awaitFired(ApplicationContext app, String userId, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        Instant end = Instant.now().plus(timeout);
        while (!fired(app, userId)) {
            if (Instant.now().isAfter(end)) {
                fail("the deadline of " + userId + " did not fire within " + timeout);
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
