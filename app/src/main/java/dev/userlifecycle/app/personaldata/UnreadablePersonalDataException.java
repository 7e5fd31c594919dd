package dev.userlifecycle.app.personaldata;

import org.axonframework.serialization.SerializationException;

/**
 * Personal data whose key exists but which does not decrypt with it: the stored bytes were altered (or moved to
 * another user or field). Not the same as erased data, which reads as {@code null}: this is reported, never hidden.
 */
public class UnreadablePersonalDataException extends SerializationException {

    public UnreadablePersonalDataException(String message) {
        super(message);
    }
}
