package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for text in every document of every collection of a database as someone holding the database could read it:
 * the document's JSON, every field name and value at any depth, strings that hold JSON (stored payloads), binary
 * values read as UTF-8 (serialized sagas, kept answers), and base64 strings decoded where they decode to text; all of
 * it case-insensitively, and again inside what was found.
 */
final class DatabaseSearch {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");
    private static final int MAX_DEPTH = 6;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> needles;

    private DatabaseSearch(Collection<String> needles) {
        this.needles = needles.stream().map(needle -> needle.toLowerCase(Locale.ROOT)).toList();
    }

    /** Where each of the texts occurs: {@code collection/_id: text in <what>}; empty when none does. */
    static List<String> find(MongoDatabase database, Collection<String> texts) {
        DatabaseSearch search = new DatabaseSearch(texts);
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                String where = collection + "/" + document.get("_id");
                search.inText(document.toJson(), where + " (document JSON)", found, 0);
                search.inValue(document, where, found, 0);
            }
        }
        return found;
    }

    private void inValue(Object value, String where, List<String> found, int depth) {
        if (depth > MAX_DEPTH || value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, inner) -> {
                inText(String.valueOf(name), where + "." + name + " (field name)", found, depth);
                inValue(inner, where + "." + name, found, depth + 1);
            });
        } else if (value instanceof Iterable<?> items) {
            int index = 0;
            for (Object item : items) {
                inValue(item, where + "[" + index++ + "]", found, depth + 1);
            }
        } else if (value instanceof Binary binary) {
            inBytes(binary.getData(), where + " (binary as UTF-8)", found, depth);
        } else if (value instanceof byte[] bytes) {
            inBytes(bytes, where + " (bytes as UTF-8)", found, depth);
        } else if (value instanceof String text) {
            inText(text, where, found, depth);
        }
    }

    private void inText(String text, String where, List<String> found, int depth) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String needle : needles) {
            if (lower.contains(needle)) {
                found.add(where + ": '" + needle + "'");
            }
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode tree = json.readTree(trimmed);
                inValue(json.convertValue(tree, Object.class), where + " (JSON)", found, depth + 1);
            } catch (Exception notJson) {
                // searched as text above
            }
        }
        Matcher base64 = BASE64.matcher(text);
        while (base64.find()) {
            decoded(base64.group()).ifPresent(bytes -> inBytes(bytes, where + " (base64)", found, depth + 1));
        }
    }

    private void inBytes(byte[] bytes, String where, List<String> found, int depth) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                                                .onMalformedInput(CodingErrorAction.REPORT)
                                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                                .decode(ByteBuffer.wrap(bytes)).toString();
            inText(text, where, found, depth + 1);
        } catch (CharacterCodingException notText) {
            // random bytes, such as a ciphertext: nothing a person reads
        }
    }

    private static Optional<byte[]> decoded(String candidate) {
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return Optional.of(decoder.decode(candidate));
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the other one
            }
        }
        return Optional.empty();
    }
}
