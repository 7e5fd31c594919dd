package dev.userlifecycle.app.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userlifecycle.events.PersonalData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer: Axon's {@link JacksonSerializer}, with the {@link PersonalData} of every payload sealed with
 * its user's key on the way into the store and opened on the way out. Payloads without personal data pass through
 * untouched. Upcasters work on the stored JSON before it is opened, so they see sealed values and may move them;
 * everything that reads events (aggregates, processors, the audit API) reads them through this serializer, and erased
 * personal data reads as {@code null}.
 */
public final class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final PersonalDataSealer sealer;
    private final ClassValue<PersonalFields> fieldsOfClass = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return PersonalFields.of(type);
        }
    };
    private final Map<String, PersonalFields> fieldsOfType = new ConcurrentHashMap<>();

    PersonalDataSerializer(JacksonSerializer delegate, PersonalDataSealer sealer) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.sealer = sealer;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalFields fields = object == null ? PersonalFields.NONE : fieldsOfClass.get(object.getClass());
        if (fields.none()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode payload = mapper.valueToTree(object);
        sealer.seal(payload, fields);
        T data = getConverter().convert(payload, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        PersonalFields fields = fieldsOf(serializedObject.getType());
        if (fields.none()) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode payload = payloadOf(serializedObject);
        sealer.open(payload, fields);
        return delegate.deserialize(new SimpleSerializedObject<>(payload, JsonNode.class, serializedObject.getType()));
    }

    private PersonalFields fieldsOf(SerializedType type) {
        if (SerializedType.emptyType().equals(type)) {
            return PersonalFields.NONE;
        }
        return fieldsOfType.computeIfAbsent(type.getName(), name -> fieldsOfClass.get(classForType(type)));
    }

    /** The stored JSON as a tree of its own: a tree handed in (by an upcaster) is copied, never changed. */
    private ObjectNode payloadOf(SerializedObject<?> serializedObject) {
        Object data = serializedObject.getData();
        try {
            JsonNode tree;
            if (data instanceof JsonNode node) {
                tree = node.deepCopy();
            } else if (data instanceof String text) {
                tree = mapper.readTree(text);
            } else {
                tree = getConverter().convert(serializedObject, JsonNode.class).getData();
            }
            if (!(tree instanceof ObjectNode payload)) {
                throw new SerializationException("a payload of " + serializedObject.getType().getName()
                                                 + " is no JSON object");
            }
            return payload;
        } catch (IOException e) {
            throw new SerializationException("a payload of " + serializedObject.getType().getName()
                                             + " is no JSON", e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
