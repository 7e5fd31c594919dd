package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Contact;
import dev.userlifecycle.events.PersonalData;
import dev.userlifecycle.events.UserRegistered;
import dev.userlifecycle.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.userlifecycle.app.personaldata.SerializerFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An older revision of an event with personal data, upcast on the way out of the event store: upcasters see the sealed
 * value and may move it to a renamed property, and the upcast event still opens with the user's key.
 */
class UpcastingSealedEventsTest {

    private static final Contact CONTACT = new Contact("Li Wei", "li.wei@example.com", "+86 10 1234 5678");
    private static final AcquisitionChannel CHANNEL = new AcquisitionChannel("search", "cpc", "spring-sale");

    private final SerializerFixture fixture = new SerializerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** What revision 0 of {@code UserRegistered} might have been: the contact named otherwise, no consents. */
    record RegisteredV0(String userId, AcquisitionChannel channel, String region, @PersonalData Contact contactDetails,
                        Instant occurredAt) {
    }

    @Test
    void anOlderRevisionIsUpcastAndItsSealedContactOpens() {
        MongoEventStorageEngine engine = storedAsRevision0();

        assertThat(payloads(engine)).containsExactly(
                new UserRegistered("u-1", CHANNEL, null, "cn-east", CONTACT, ChannelConsents.none(), NOW));
    }

    @Test
    void afterErasureTheUpcastEventReadsWithoutContact() {
        MongoEventStorageEngine engine = storedAsRevision0();
        fixture.keys.erase("u-1", NOW);

        assertThat(payloads(engine)).containsExactly(
                new UserRegistered("u-1", CHANNEL, null, "cn-east", null, ChannelConsents.none(), NOW));
    }

    /** An engine with the upcaster, and u-1's registration stored as revision 0 with the contact sealed. */
    private MongoEventStorageEngine storedAsRevision0() {
        MongoEventStorageEngine engine = engine(new RenamedContact());
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                "User", "u-1", 0, new RegisteredV0("u-1", CHANNEL, "cn-east", CONTACT, NOW))));
        fixture.mongo.database().getCollection("events").updateOne(Filters.eq("aggregateIdentifier", "u-1"),
                Updates.combine(Updates.set("payloadType", UserRegistered.class.getName()),
                                Updates.set("payloadRevision", "0")));
        assertThat(fixture.mongo.database().getCollection("events").find().first().getString("payload"))
                .contains("\"contactDetails\":{\"encryption\"").doesNotContain("Li Wei");
        return engine;
    }

    private static List<Object> payloads(MongoEventStorageEngine engine) {
        return engine.readEvents("u-1").asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private MongoEventStorageEngine engine(SingleEventUpcaster upcaster) {
        return MongoEventStorageEngine.builder()
                                      .client(fixture.mongo.client())
                                      .database(fixture.mongo.database())
                                      .gapTimeout(Duration.ofSeconds(5))
                                      .eventSerializer(fixture.serializer)
                                      .snapshotSerializer(fixture.jackson)
                                      .upcasterChain(upcaster)
                                      .build();
    }

    /** Revision 0 → 1: {@code contactDetails} became {@code contact}; consents arrived, none for older users. */
    static final class RenamedContact extends SingleEventUpcaster {

        private static final SimpleSerializedType V0 = new SimpleSerializedType(UserRegistered.class.getName(), "0");
        private static final SimpleSerializedType V1 = new SimpleSerializedType(UserRegistered.class.getName(), "1");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(V0);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(V1, JsonNode.class, node -> {
                ObjectNode payload = (ObjectNode) node;
                payload.set("contact", payload.remove("contactDetails"));
                payload.putNull("referrerId");
                payload.putObject("consents").put("sms", false).put("push", false).put("email", false);
                return payload;
            });
        }
    }
}
