package dev.userlifecycle.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code lifecycle.security}: the API keys that may call the service, as a list of {@code owner}, {@code roles} and
 * {@code key} (or {@code key-sha256}) in YAML, or in the compact form of {@link CompactApiKeyConverter}, comma
 * separated, in {@code LIFECYCLE_API_KEYS}.
 */
@ConfigurationProperties("lifecycle.security")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
record SecuritySettings(List<ApiKeyEntry> apiKeys) {

    SecuritySettings {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }
}
