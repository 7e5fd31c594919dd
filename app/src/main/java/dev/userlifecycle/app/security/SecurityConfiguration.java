package dev.userlifecycle.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userlifecycle.app.mongo.LifecycleMongoProperties;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every request needs an API key ({@code X-API-Key}) whose roles allow it (see {@link ApiAccessRules}), except:
 * <ul>
 *     <li>{@code /actuator/health} (and its liveness and readiness groups), for probes; the other actuator
 *     endpoints are the admins';</li>
 *     <li>GETs outside {@code /api} and {@code /actuator}: the OpenAPI document, Swagger UI and static pages such
 *     as a dashboard, which ask for a key themselves and send it with their data calls.</li>
 * </ul>
 * Stateless: no session, no cookie, no CSRF token (a browser sends no key by itself, so CSRF cannot borrow one).
 * A process without a web server (the import sub-command) has no requests to secure and no key to generate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The owner of the key generated when none is configured: the principal of what it does. */
    static final String GENERATED_OWNER = "generated-key";

    @Bean
    @ConfigurationPropertiesBinding
    static CompactApiKeyConverter compactApiKeyConverter() {
        return new CompactApiKeyConverter();
    }

    /**
     * The configured keys; with none, on the embedded MongoDB (a local run), one new key with every role, printed
     * once. Against a real MongoDB a process without keys does not start: nobody could call it.
     */
    @Bean
    ApiKeys apiKeys(SecuritySettings settings, LifecycleMongoProperties mongo) {
        ApiKeys configured = ApiKeys.of(settings.apiKeys());
        if (!configured.isEmpty()) {
            return configured;
        }
        if (!mongo.useEmbedded()) {
            throw new IllegalStateException("No API key is configured: set LIFECYCLE_API_KEYS (owner:role+role:key, "
                                                    + "comma separated) or lifecycle.security.api-keys");
        }
        ApiKeys.Generated generated = ApiKeys.generate(GENERATED_OWNER);
        logger.warn("No API key configured (LIFECYCLE_API_KEYS): generated one with every role, valid until this "
                            + "process stops. X-API-Key: {}", generated.key());
        return generated.keys();
    }

    /**
     * No observation around Spring Security's filters, authentications and authorizations: on every request they
     * cost more CPU than the purchase command itself, and turning them off by the observation predicate
     * ({@code management.observations.enable.spring.security}) still wrapped every filter in one. The requests' own
     * metrics ({@code http.server.requests}) stay.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, ObjectMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        http.csrf(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .addFilterBefore(new ApiKeyFilter(keys, problems), AnonymousAuthenticationFilter.class)
            .exceptionHandling(failures -> failures.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .authorizeHttpRequests(requests -> {
                // an error page or the rest of an asynchronous answer, for a request that was let in already
                requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                requests.requestMatchers("/actuator/**").hasAuthority(ApiRole.ADMIN.authority());
                for (ApiAccessRules.Rule rule : ApiAccessRules.RULES) {
                    requests.requestMatchers(rule.method(), rule.pattern()).hasAuthority(rule.role().authority());
                }
                requests.requestMatchers("/api/**").denyAll();
                requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
                requests.anyRequest().denyAll();
            });
        return http.build();
    }
}
