package dev.userlifecycle.app.deadlines;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.time.Duration;
import java.util.Date;

/**
 * A test-only saga: a user registered with the {@link #PREFIX} gets a deadline {@link #DELAY} later, which writes the
 * user's id to the {@link #FIRED} collection; activating the user cancels it. Every other user is ignored.
 */
@Saga
@ConditionalOnProperty(name = DeadlineProbeSaga.ENABLED, havingValue = "true")
public class DeadlineProbeSaga {

    static final String ENABLED = "deadline-probe.enabled";
    static final String PREFIX = "deadline-probe-";
    static final Duration DELAY = Duration.ofSeconds(3);
    static final String FIRED = "deadline_probe_fired";
    static final String DEADLINE = "probe";

    @JsonProperty
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "userId")
    public void on(UserRegistered event, DeadlineManager deadlines) {
        if (!event.userId().startsWith(PREFIX)) {
            SagaLifecycle.end();
            return;
        }
        deadlineId = deadlines.schedule(DELAY, DEADLINE, new ProbeDue(event.userId()));
    }

    @SagaEventHandler(associationProperty = "userId")
    public void on(UserActivated event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(DEADLINE, deadlineId);
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(ProbeDue due, MongoDatabase database) {
        database.getCollection(FIRED).replaceOne(new Document("_id", due.userId()),
                                                 new Document("_id", due.userId()).append("firedAt", new Date()),
                                                 new ReplaceOptions().upsert(true));
        SagaLifecycle.end();
    }

    public record ProbeDue(String userId) {
    }
}
