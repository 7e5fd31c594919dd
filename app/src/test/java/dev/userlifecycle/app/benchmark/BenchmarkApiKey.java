package dev.userlifecycle.app.benchmark;

/**
 * The API key that the benchmarks and the soak test configure the app with and send on every request: one key with
 * every role. The one place that knows the format of {@code lifecycle.security.api-keys} (environment
 * {@code LIFECYCLE_API_KEYS}); until the app checks keys, both are ignored.
 */
public final class BenchmarkApiKey {

    public static final String HEADER = "X-API-Key";
    public static final String KEY = "benchmark-key-with-every-role";
    public static final String PROPERTY = "lifecycle.security.api-keys";
    public static final String ENVIRONMENT = "LIFECYCLE_API_KEYS";
    /** The key and its roles, as the property and the environment variable take them. */
    public static final String CONFIGURATION = KEY + ":frontend,analyst,auditor,admin";

    private BenchmarkApiKey() {
    }

    /** The command-line argument of an app started in the benchmark's JVM. */
    public static String appArgument() {
        return "--" + PROPERTY + "=" + CONFIGURATION;
    }
}
