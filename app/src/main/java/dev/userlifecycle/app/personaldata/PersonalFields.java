package dev.userlifecycle.app.personaldata;

import dev.userlifecycle.events.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The properties of a payload type that hold {@link PersonalData}: its record components that are marked, or whose
 * type is. They belong to the user the payload names in {@code userId}; a type with personal data and no
 * {@code userId} is a programming error, reported the first time the type is serialized.
 */
record PersonalFields(List<String> names) {

    static final String SUBJECT = "userId";
    static final PersonalFields NONE = new PersonalFields(List.of());

    static PersonalFields of(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components)
                                   .filter(PersonalFields::isPersonal)
                                   .map(RecordComponent::getName)
                                   .toList();
        if (names.isEmpty()) {
            return NONE;
        }
        boolean namesItsUser = Arrays.stream(components)
                                     .anyMatch(c -> c.getName().equals(SUBJECT) && c.getType() == String.class);
        if (!namesItsUser) {
            throw new IllegalStateException(type.getName() + " carries personal data " + names + " but no '" + SUBJECT
                                            + "' whose key could protect it");
        }
        return new PersonalFields(names);
    }

    boolean none() {
        return names.isEmpty();
    }

    private static boolean isPersonal(RecordComponent component) {
        return component.isAnnotationPresent(PersonalData.class)
                || component.getType().isAnnotationPresent(PersonalData.class);
    }
}
