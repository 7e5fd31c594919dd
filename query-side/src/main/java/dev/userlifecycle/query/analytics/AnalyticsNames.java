package dev.userlifecycle.query.analytics;

import dev.userlifecycle.events.InvalidRequestException;
import dev.userlifecycle.query.retention.CohortBasis;
import dev.userlifecycle.query.retention.Granularity;
import dev.userlifecycle.query.retention.RetentionMode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The API's names of granularities, bases and modes: lower case with hyphens ({@code first-purchase}, {@code on-or-after}). */
public final class AnalyticsNames {

    private AnalyticsNames() {
    }

    public static Granularity granularity(String field, String name) {
        return parse(field, name, Granularity.class);
    }

    public static CohortBasis basis(String field, String name) {
        return parse(field, name, CohortBasis.class);
    }

    public static RetentionMode mode(String field, String name) {
        return parse(field, name, RetentionMode.class);
    }

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E parse(String field, String name, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (name(value).equals(name)) {
                return value;
            }
        }
        throw new InvalidRequestException(field, "'" + name + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(AnalyticsNames::name).collect(Collectors.joining(", ")));
    }
}
