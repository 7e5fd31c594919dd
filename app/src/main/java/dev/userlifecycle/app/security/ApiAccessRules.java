package dev.userlifecycle.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Optional;

/**
 * Which role a request under {@code /api} needs, by method and path; the first rule that matches decides, and a
 * request no rule matches is refused to every key. One table serves the security filter chain, the 403 answer that
 * names the missing role, and the OpenAPI document.
 * <p>
 * A layering run ({@code POST /api/v1/layers/runs}) is the analysts': it computes a read model from the users'
 * facts on demand and changes no user's history.
 */
final class ApiAccessRules {

    /** One rule; a {@code null} method matches every method. */
    record Rule(HttpMethod method, String pattern, ApiRole role, PathPattern parsed) {

        static Rule of(HttpMethod method, String pattern, ApiRole role) {
            return new Rule(method, pattern, role, PathPatternParser.defaultInstance.parse(pattern));
        }

        boolean matches(String method, String path) {
            return (this.method == null || this.method.matches(method))
                    && parsed.matches(PathContainer.parsePath(path));
        }
    }

    static final List<Rule> RULES = List.of(
            Rule.of(null, "/api/v1/audit/**", ApiRole.AUDITOR),
            Rule.of(null, "/api/v1/admin/**", ApiRole.ADMIN),
            Rule.of(HttpMethod.POST, "/api/v1/incidents", ApiRole.ADMIN),
            Rule.of(HttpMethod.POST, "/api/v1/users/**", ApiRole.FRONTEND),
            Rule.of(HttpMethod.PUT, "/api/v1/users/**", ApiRole.FRONTEND),
            Rule.of(HttpMethod.POST, "/api/v1/layers/runs", ApiRole.ANALYST),
            Rule.of(HttpMethod.GET, "/api/v1/**", ApiRole.ANALYST));

    private ApiAccessRules() {
    }

    /** The role a request needs; empty when no key may make it. */
    static Optional<ApiRole> requiredRole(String method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).map(Rule::role).findFirst();
    }
}
