package dev.userlifecycle.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's in-memory engine, except that it keeps snapshots serialized, as a real store does. The plain in-memory
 * engine hands out the snapshotted aggregate object itself, which the next command then changes.
 */
class SerializedSnapshots extends InMemoryEventStorageEngine {

    private final Serializer serializer;
    private final Map<String, DomainEventMessage<SerializedObject<byte[]>>> snapshots = new ConcurrentHashMap<>();

    SerializedSnapshots(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        SerializedObject<byte[]> payload = serializer.serialize(snapshot.getPayload(), byte[].class);
        snapshots.put(snapshot.getAggregateIdentifier(),
                      new GenericDomainEventMessage<>(snapshot.getType(), snapshot.getAggregateIdentifier(),
                                                      snapshot.getSequenceNumber(), payload));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.ofNullable(snapshots.get(aggregateIdentifier))
                       .map(stored -> new GenericDomainEventMessage<>(
                               stored.getType(), aggregateIdentifier, stored.getSequenceNumber(),
                               serializer.deserialize(stored.getPayload())));
    }
}
