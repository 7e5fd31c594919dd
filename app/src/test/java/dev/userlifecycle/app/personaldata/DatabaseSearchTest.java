package dev.userlifecycle.app.personaldata;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The search the erasure test relies on finds a value in every form a store of this service could keep it in. */
class DatabaseSearchTest {

    private static final String EMAIL = "wang.xiaoming@example.cn";
    private static final List<String> NEEDLES = List.of(EMAIL);

    private final TestMongo mongo = TestMongo.start();
    private final MongoDatabase database = mongo.database();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void findsTheValueInEveryReadableForm() {
        String payload = "{\"userId\":\"u-1\",\"contact\":{\"email\":\"" + EMAIL + "\"}}";
        database.getCollection("plain").insertOne(new Document("_id", 1).append("email", EMAIL.toUpperCase()));
        database.getCollection("nested").insertOne(new Document("_id", 2).append("a", List.of(
                new Document("b", new Document("c", EMAIL)))));
        database.getCollection("json_string").insertOne(new Document("_id", 3).append(
                "payload", "{\"inner\": " + quoted(payload) + "}"));
        database.getCollection("base64").insertOne(new Document("_id", 4).append(
                "blob", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))));
        database.getCollection("binary").insertOne(new Document("_id", 5).append(
                "serializedSaga", new Binary(payload.getBytes(StandardCharsets.UTF_8))));
        database.getCollection("field_name").insertOne(new Document("_id", 6).append(
                "byEmail", new Document(EMAIL.replace('.', '_'), 1).append("x", new Document(EMAIL, 1))));

        List<String> found = DatabaseSearch.find(database, NEEDLES);

        for (String collection : List.of("plain", "nested", "json_string", "base64", "binary", "field_name")) {
            assertThat(found).as("found in %s", collection).anyMatch(where -> where.startsWith(collection + "/"));
        }
    }

    @Test
    void findsNothingInCiphertextOrOtherValues() {
        PersonalDataCipher cipher = new PersonalDataCipher();
        byte[] sealed = cipher.seal(cipher.newKey(), EMAIL.getBytes(StandardCharsets.UTF_8), new byte[0]);
        database.getCollection("sealed").insertOne(new Document("_id", 1)
                .append("ciphertext", Base64.getEncoder().encodeToString(sealed))
                .append("binary", new Binary(sealed))
                .append("other", "li.wei@example.com"));

        assertThat(DatabaseSearch.find(database, NEEDLES)).isEmpty();
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }
}
