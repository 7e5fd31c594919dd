package dev.userlifecycle.app.security;

import dev.userlifecycle.app.mongo.LifecycleMongoProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private static final String FRONTEND_KEY = "f7Qm2-frontend-key-0001";
    private static final String OPS_KEY = "Zp0-ops-key-with:colons:inside";

    @Test
    void theCompactFormOfTheEnvironmentVariableListsOwnersRolesAndKeys() {
        SecuritySettings settings = bind(Map.of("lifecycle.security.api-keys",
                                                "shop:frontend:" + FRONTEND_KEY + ", ops:admin+Auditor:" + OPS_KEY));

        assertThat(settings.apiKeys()).containsExactly(
                new ApiKeyEntry("shop", Set.of(ApiRole.FRONTEND), FRONTEND_KEY, null),
                new ApiKeyEntry("ops", Set.of(ApiRole.ADMIN, ApiRole.AUDITOR), OPS_KEY, null));
    }

    @Test
    void theYamlFormMayGiveTheKeysDigestInsteadOfTheKey() {
        String digest = HexFormat.of().formatHex(ApiKeys.sha256(OPS_KEY));
        SecuritySettings settings = bind(Map.of("lifecycle.security.api-keys[0].owner", "ops",
                                                "lifecycle.security.api-keys[0].roles", "admin,auditor",
                                                "lifecycle.security.api-keys[0].key-sha256", digest.toUpperCase()));

        ApiKeys keys = ApiKeys.of(settings.apiKeys());

        assertThat(keys.find(OPS_KEY)).contains(new ApiKeys.Holder("ops", Set.of(ApiRole.ADMIN, ApiRole.AUDITOR)));
    }

    @Test
    void noVariableMeansNoKeys() {
        assertThat(bind(Map.of("lifecycle.security.api-keys", "")).apiKeys()).isEmpty();
        assertThat(bind(Map.of()).apiKeys()).isEmpty();
    }

    @Test
    void aPresentedKeyIsFoundByItsOwnerOnlyWhenItIsExactlyAConfiguredOne() {
        ApiKeys keys = ApiKeys.of(List.of(new ApiKeyEntry("shop", Set.of(ApiRole.FRONTEND), FRONTEND_KEY, null),
                                          new ApiKeyEntry("ops", Set.of(ApiRole.ADMIN), OPS_KEY, null)));

        assertThat(keys.find(FRONTEND_KEY)).map(ApiKeys.Holder::owner).contains("shop");
        assertThat(keys.find(OPS_KEY)).map(ApiKeys.Holder::owner).contains("ops");
        assertThat(keys.find(FRONTEND_KEY + " ")).isEmpty();
        assertThat(keys.find(FRONTEND_KEY.toUpperCase())).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void aMalformedEntryStopsTheProcessWithoutShowingTheKey() {
        assertRefused(new ApiKeyEntry("shop", Set.of(ApiRole.FRONTEND), "short", null), "at least 16");
        assertRefused(new ApiKeyEntry("shop", Set.of(), FRONTEND_KEY, null), "no roles");
        assertRefused(new ApiKeyEntry("shop team", Set.of(ApiRole.FRONTEND), FRONTEND_KEY, null), "owner");
        assertRefused(new ApiKeyEntry("shop", Set.of(ApiRole.FRONTEND), FRONTEND_KEY, "ab".repeat(32)),
                      "either key or key-sha256");
        assertRefused(new ApiKeyEntry("shop", Set.of(ApiRole.FRONTEND), null, "not-hex"), "64 hex");
        assertThatThrownBy(() -> ApiKeys.of(List.of(
                new ApiKeyEntry("shop", Set.of(ApiRole.FRONTEND), FRONTEND_KEY, null),
                new ApiKeyEntry("other", Set.of(ApiRole.ADMIN), FRONTEND_KEY, null))))
                .hasMessageContaining("api-keys[1] repeats an earlier key")
                .hasMessageNotContaining(FRONTEND_KEY);
        assertThatThrownBy(() -> bind(Map.of("lifecycle.security.api-keys", "shop:cashier:" + FRONTEND_KEY)))
                .hasStackTraceContaining("'cashier' is not a role");
    }

    @Test
    void withoutKeysALocalRunGeneratesOneWithEveryRoleAndARunOnARealMongoDbRefusesToStart() {
        SecurityConfiguration configuration = new SecurityConfiguration();
        SecuritySettings none = new SecuritySettings(List.of());

        ApiKeys generated = configuration.apiKeys(none, new LifecycleMongoProperties("", "lifecycle", null));

        assertThat(generated.isEmpty()).isFalse();
        assertThatThrownBy(() -> configuration.apiKeys(none, new LifecycleMongoProperties(
                "mongodb://db:27017/?replicaSet=rs0", "lifecycle", null)))
                .hasMessageContaining("LIFECYCLE_API_KEYS");
    }

    @Test
    void aGeneratedKeyIsLongRandomAndHasEveryRole() {
        ApiKeys.Generated first = ApiKeys.generate("generated-key");
        ApiKeys.Generated second = ApiKeys.generate("generated-key");

        assertThat(first.key()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.key());
        assertThat(first.keys().find(first.key()))
                .contains(new ApiKeys.Holder("generated-key", Set.of(ApiRole.values())));
        assertThat(first.keys().find(second.key())).isEmpty();
    }

    private static void assertRefused(ApiKeyEntry entry, String reason) {
        assertThatThrownBy(() -> ApiKeys.of(List.of(entry)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lifecycle.security.api-keys[0]")
                .hasMessageContaining(reason)
                .hasMessageNotContaining(FRONTEND_KEY);
    }

    private static SecuritySettings bind(Map<String, String> properties) {
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(new CompactApiKeyConverter());
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)), null, conversions);
        return binder.bindOrCreate("lifecycle.security", Bindable.of(SecuritySettings.class));
    }
}
