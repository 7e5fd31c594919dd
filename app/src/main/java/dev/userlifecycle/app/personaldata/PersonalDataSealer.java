package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userlifecycle.app.personaldata.PersonalDataKeys.UserKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Seals the personal values of a payload's JSON in place, each replaced by
 * {@code {"encryption": "AES-256-GCM", "field": "contact", "ciphertext": "<base64 of IV, ciphertext and tag>"}} under
 * the key of the payload's user, with the user id and the field's name as associated data; and opens them again.
 * The field's name travels in the sealed value so that an upcaster may rename the property.
 */
final class PersonalDataSealer {

    static final String ENCRYPTION = "encryption";
    static final String FIELD = "field";
    static final String CIPHERTEXT = "ciphertext";

    private final PersonalDataCipher cipher;
    private final PersonalDataKeys keys;
    private final ObjectMapper mapper;

    PersonalDataSealer(PersonalDataCipher cipher, PersonalDataKeys keys, ObjectMapper mapper) {
        this.cipher = cipher;
        this.keys = keys;
        this.mapper = mapper;
    }

    /** Seals every non-null personal value; of an erased user, stores {@code null} instead: nothing comes back. */
    void seal(ObjectNode payload, PersonalFields fields) {
        String userId = userOf(payload);
        UserKey key = null;
        for (String field : fields.names()) {
            JsonNode value = payload.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            key = key == null ? keys.forWriting(userId) : key;
            payload.set(field, key.present() ? sealed(key.bytes(), userId, field, value) : NullNode.getInstance());
        }
    }

    /**
     * Opens every sealed personal value; one whose key is gone (erased) reads as {@code null}, and so does a value
     * stored in clear before personal data was encrypted, once its user is erased.
     *
     * @throws UnreadablePersonalDataException for a sealed value that does not open with the user's key
     */
    void open(ObjectNode payload, PersonalFields fields) {
        String userId = userOf(payload);
        UserKey key = null;
        for (String field : fields.names()) {
            JsonNode value = payload.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            key = key == null ? keys.find(userId) : key;
            if (isSealed(value)) {
                payload.set(field, key.present() ? opened(key.bytes(), userId, value) : NullNode.getInstance());
            } else if (key.erased()) {
                payload.set(field, NullNode.getInstance());
            }
        }
    }

    static boolean isSealed(JsonNode value) {
        return value.isObject() && PersonalDataCipher.ALGORITHM.equals(value.path(ENCRYPTION).textValue());
    }

    private JsonNode sealed(byte[] key, String userId, String field, JsonNode value) {
        try {
            byte[] ciphertext = cipher.seal(key, mapper.writeValueAsBytes(value), associatedData(userId, field));
            return mapper.createObjectNode()
                         .put(ENCRYPTION, PersonalDataCipher.ALGORITHM)
                         .put(FIELD, field)
                         .put(CIPHERTEXT, Base64.getEncoder().encodeToString(ciphertext));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode opened(byte[] key, String userId, JsonNode sealed) {
        String field = sealed.path(FIELD).asText();
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(sealed.path(CIPHERTEXT).asText());
        } catch (IllegalArgumentException e) {
            throw new UnreadablePersonalDataException("the sealed '" + field + "' of user '" + userId
                                                      + "' is not base64");
        }
        try {
            return mapper.readTree(cipher.open(key, ciphertext, associatedData(userId, field)));
        } catch (IOException e) {
            throw new UnreadablePersonalDataException("the sealed '" + field + "' of user '" + userId
                                                      + "' opens to no JSON value");
        }
    }

    private static String userOf(ObjectNode payload) {
        JsonNode userId = payload.get(PersonalFields.SUBJECT);
        if (userId == null || !userId.isTextual()) {
            throw new IllegalStateException("personal data in a payload without a '" + PersonalFields.SUBJECT + "'");
        }
        return userId.textValue();
    }

    // the NUL cannot occur in a user id, so no two (user, field) pairs give the same bytes
    private static byte[] associatedData(String userId, String field) {
        return (userId + '\0' + field).getBytes(StandardCharsets.UTF_8);
    }
}
