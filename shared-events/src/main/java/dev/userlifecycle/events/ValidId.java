package dev.userlifecycle.events;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A required identifier of a user, incident or campaign. Identifiers appear in URL paths and are aggregate
 * identifiers in one shared event store, so they are restricted to a short, URL-safe alphabet.
 * Optional identifiers use {@code @Pattern(regexp = ValidId.PATTERN)} alone.
 */
@NotNull
@Pattern(regexp = ValidId.PATTERN, message = ValidId.MESSAGE)
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
@Documented
public @interface ValidId {

    String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";
    String MESSAGE = "must be 1 to 64 letters, digits or . _ : @ - and start with a letter or digit";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
