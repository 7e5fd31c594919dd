package dev.userlifecycle.app.eventstore;

import dev.userlifecycle.app.mongo.EmbeddedMongo;
import dev.userlifecycle.eventstore.DelegatingEventStorageEngine;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;

/**
 * Writes the embedded server's file after every commit, before the command that made it is acknowledged: the H2
 * backend would otherwise write only once a second, and a crash would lose what was acknowledged in between.
 */
final class FlushingEventStorageEngine extends DelegatingEventStorageEngine {

    private final EmbeddedMongo embeddedMongo;

    FlushingEventStorageEngine(EventStorageEngine delegate, EmbeddedMongo embeddedMongo) {
        super(delegate);
        this.embeddedMongo = embeddedMongo;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        super.appendEvents(events);
        embeddedMongo.flush();
    }
}
