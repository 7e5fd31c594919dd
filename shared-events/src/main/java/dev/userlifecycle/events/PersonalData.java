package dev.userlifecycle.events;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Personal data, such as a name, an e-mail address or a phone number: on a value type, every value of it wherever it
 * appears as a component of an event; on a record component, that component's value.
 * <p>
 * The app never stores such a value in clear: it is encrypted inside the stored event with a key of the user the event
 * belongs to (the event's {@code userId}), and erasing the user's personal data deletes the key, so every copy of it
 * becomes unreadable while the rest of the event stays. An event with personal data must therefore be a
 * {@link UserEvent}. Once erased, the value reads as {@code null}.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, RECORD_COMPONENT})
public @interface PersonalData {
}
