package dev.userlifecycle.app;

import java.util.Locale;

/** The API keys of the {@code test} profile ({@code application-test.yml}). */
public final class TestApiKeys {

    /** The key {@link Http} sends unless told otherwise: it has every role. */
    public static final String EVERY_ROLE = "test-key-with-every-role";
    /** Its owner: the principal of what tests do over HTTP. */
    public static final String OWNER = "test-client";
    /** {@link #EVERY_ROLE} as {@code lifecycle.security.api-keys} and its variable {@code LIFECYCLE_API_KEYS} take it. */
    public static final String CONFIGURATION = OWNER + ":frontend+analyst+auditor+admin:" + EVERY_ROLE;
    /** Configures {@link #EVERY_ROLE} in an application a test starts itself, without the test profile. */
    public static final String ARGUMENT = "--lifecycle.security.api-keys=" + CONFIGURATION;

    private TestApiKeys() {
    }

    /** The test profile's key with only {@code role} ({@code frontend}, {@code analyst}, {@code auditor}, {@code admin}). */
    public static String only(String role) {
        return "test-" + role.toLowerCase(Locale.ROOT) + "-key-only";
    }

    /** The owner of {@link #only(String)}. */
    public static String ownerOf(String role) {
        return "test-" + role.toLowerCase(Locale.ROOT);
    }
}
