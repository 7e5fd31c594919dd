package dev.userlifecycle.app.security;

import java.util.Set;

/**
 * One configured API key: its owner, who is the {@code principal} of everything the key does, its roles, and the key
 * itself or, so that the configuration need not hold it, its SHA-256 digest in hex.
 */
record ApiKeyEntry(String owner, Set<ApiRole> roles, String key, String keySha256) {

    ApiKeyEntry {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
