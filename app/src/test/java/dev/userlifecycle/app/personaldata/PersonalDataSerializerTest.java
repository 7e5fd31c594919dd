package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Contact;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static dev.userlifecycle.app.personaldata.SerializerFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSerializerTest {

    private static final AcquisitionChannel CHANNEL = new AcquisitionChannel("search", "cpc", "spring-sale");
    private static final ChannelConsents CONSENTS = new ChannelConsents(true, false, true);
    private static final Contact LI_WEI = new Contact("Li Wei", "li.wei@example.com", "+86 10 1234 5678");
    private static final Contact ZHANG_MIN = new Contact("Zhang Min", "zhang.min@example.com", "+86 21 8765 4321");

    private final SerializerFixture fixture = new SerializerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theContactIsStoredSealedAndReadBackInClear() {
        UserRegistered registered = registered("u-1", LI_WEI);

        String stored = fixture.stored(registered);

        assertThat(stored).doesNotContain("Li Wei", "li.wei@example.com", "+86 10 1234 5678");
        JsonNode payload = fixture.tree(stored);
        assertThat(payload.path("contact").path("encryption").asText()).isEqualTo("AES-256-GCM");
        assertThat(payload.path("contact").path("field").asText()).isEqualTo("contact");
        assertThat(payload.path("region").asText()).as("what is not personal stays readable").isEqualTo("cn-east");
        assertThat(fixture.read(stored, UserRegistered.class)).isEqualTo(registered);
    }

    @Test
    void theFirstContactOfAUserCreatesTheirKeyAndLaterOnesUseIt() {
        String first = fixture.stored(registered("u-1", LI_WEI));
        String second = fixture.stored(registered("u-1", ZHANG_MIN));
        fixture.stored(registered("u-2", ZHANG_MIN));

        assertThat(fixture.keyDocuments()).isEqualTo(2);
        assertThat(fixture.read(first, UserRegistered.class).contact()).isEqualTo(LI_WEI);
        assertThat(fixture.read(second, UserRegistered.class).contact()).isEqualTo(ZHANG_MIN);
    }

    @Test
    void payloadsWithoutPersonalDataAreStoredAsJacksonWritesThem() {
        PurchaseMade purchase = new PurchaseMade("u-1", "order-1", Money.of("12.50", "CNY"), NOW, true);
        MetaData metaData = MetaData.from(Map.of("principal", "frontend"));

        assertThat(fixture.stored(purchase)).isEqualTo(fixture.jackson.serialize(purchase, String.class).getData());
        assertThat(fixture.stored(metaData)).isEqualTo(fixture.jackson.serialize(metaData, String.class).getData());
        assertThat(fixture.read(fixture.stored(purchase), PurchaseMade.class)).isEqualTo(purchase);
        assertThat(fixture.keyDocuments()).isZero();
    }

    @Test
    void aUserWithoutContactGetsNoKey() {
        UserRegistered registered = registered("u-1", null);

        assertThat(fixture.read(fixture.stored(registered), UserRegistered.class)).isEqualTo(registered);
        assertThat(fixture.keyDocuments()).isZero();
    }

    @Test
    void onceTheKeyIsErasedTheContactReadsAsNullAndTheRestStays() {
        String stored = fixture.stored(registered("u-1", LI_WEI));

        fixture.keys.erase("u-1", NOW);

        assertThat(fixture.read(stored, UserRegistered.class)).isEqualTo(registered("u-1", null));
        assertThat(fixture.mongo.database().getCollection(PersonalDataKeys.COLLECTION).find().first())
                .as("the erased key document: no key, only when")
                .containsOnlyKeys("_id", "createdAt", "erasedAt");
    }

    @Test
    void anErasedUsersNewContactIsNotStoredAndNoNewKeyIsMade() {
        fixture.stored(registered("u-1", LI_WEI));
        fixture.keys.erase("u-1", NOW);

        String stored = fixture.stored(registered("u-1", ZHANG_MIN));

        assertThat(fixture.tree(stored).get("contact").isNull()).isTrue();
        assertThat(stored).doesNotContain("Zhang");
        assertThat(fixture.keys.find("u-1").erased()).isTrue();
    }

    @Test
    void aUserErasedBeforeTheyHadAKeyNeverGetsOne() {
        fixture.keys.erase("u-1", NOW);

        assertThat(fixture.tree(fixture.stored(registered("u-1", LI_WEI))).get("contact").isNull()).isTrue();
        assertThat(fixture.keys.find("u-1").erased()).isTrue();
    }

    @Test
    void anAlteredCiphertextIsReportedNotReadAsErased() {
        ObjectNode payload = (ObjectNode) fixture.tree(fixture.stored(registered("u-1", LI_WEI)));
        ObjectNode contact = (ObjectNode) payload.get("contact");
        byte[] sealed = Base64.getDecoder().decode(contact.get("ciphertext").asText());
        sealed[sealed.length - 20] ^= 0x01;
        contact.put("ciphertext", Base64.getEncoder().encodeToString(sealed));

        assertThatThrownBy(() -> fixture.read(payload.toString(), UserRegistered.class))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aContactCopiedIntoAnotherUsersEventDoesNotOpenWithTheirKey() {
        JsonNode ofUser1 = fixture.tree(fixture.stored(registered("u-1", LI_WEI)));
        ObjectNode ofUser2 = (ObjectNode) fixture.tree(fixture.stored(registered("u-2", ZHANG_MIN)));
        ofUser2.set("contact", ofUser1.get("contact"));

        assertThatThrownBy(() -> fixture.read(ofUser2.toString(), UserRegistered.class))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aContactStoredInClearBeforeEncryptionReadsUntilItsUserIsErased() {
        String inClear = fixture.jackson.serialize(registered("u-1", LI_WEI), String.class).getData();
        assertThat(inClear).contains("Li Wei");

        assertThat(fixture.read(inClear, UserRegistered.class).contact()).isEqualTo(LI_WEI);
        assertThat(fixture.keyDocuments()).as("reading creates no key").isZero();

        fixture.keys.erase("u-1", NOW);
        assertThat(fixture.read(inClear, UserRegistered.class).contact()).isNull();
    }

    private static UserRegistered registered(String userId, Contact contact) {
        return new UserRegistered(userId, CHANNEL, null, "cn-east", contact, CONSENTS, NOW);
    }
}
