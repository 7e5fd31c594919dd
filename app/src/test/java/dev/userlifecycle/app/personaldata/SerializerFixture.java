package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userlifecycle.eventstore.EventStoreSerializers;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The event serializer as the app builds it, on an embedded MongoDB of its own, and ways to look at what it stores. */
final class SerializerFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    final TestMongo mongo = TestMongo.start();
    final JacksonSerializer jackson = JacksonSerializer.builder().objectMapper(
            EventStoreSerializers.objectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
    final PersonalDataCipher cipher = new PersonalDataCipher();
    final PersonalDataKeys keys = new PersonalDataKeys(mongo.database(), cipher, Clock.fixed(NOW, ZoneOffset.UTC));
    final PersonalDataSerializer serializer =
            new PersonalDataSerializer(jackson, new PersonalDataSealer(cipher, keys, jackson.getObjectMapper()));

    /** The JSON the event store would keep for the payload. */
    String stored(Object payload) {
        return serializer.serialize(payload, String.class).getData();
    }

    JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, serializer.typeForClass(type)));
    }

    long keyDocuments() {
        return mongo.database().getCollection(PersonalDataKeys.COLLECTION).countDocuments();
    }

    @Override
    public void close() {
        mongo.close();
    }
}
