package dev.userlifecycle.app.security;

import org.springframework.core.convert.converter.Converter;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an API key from its compact form {@code owner:role+role:key}, for instance
 * {@code shop-frontend:frontend:3q9…} or {@code ops:admin+auditor:Zp0…}; the key is everything after the second
 * colon. A list of them, separated by commas, fits in one environment variable ({@code LIFECYCLE_API_KEYS}).
 */
class CompactApiKeyConverter implements Converter<String, ApiKeyEntry> {

    @Override
    public ApiKeyEntry convert(String compact) {
        String[] parts = compact.trim().split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("an API key is written owner:role+role:key; an entry of "
                                                       + "lifecycle.security.api-keys is not (its key not shown)");
        }
        return new ApiKeyEntry(parts[0], roles(parts[1]), parts[2], null);
    }

    private static Set<ApiRole> roles(String names) {
        Set<ApiRole> roles = EnumSet.noneOf(ApiRole.class);
        for (String name : names.split("\\+")) {
            try {
                roles.add(ApiRole.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + name + "' is not a role; the roles are frontend, analyst, "
                                                           + "auditor and admin", e);
            }
        }
        return roles;
    }
}
