package dev.userlifecycle.app.security;

import java.util.Locale;

/** What an API key may do; a key has one or more roles. See {@link ApiAccessRules} for which requests need which. */
enum ApiRole {
    /** Commands about users: what frontends report. */
    FRONTEND,
    /** Queries: profiles, analytics, layering runs. */
    ANALYST,
    /** The audit API. */
    AUDITOR,
    /** Incidents, sweeps, projection rebuilds, erasure: everything under {@code /api/v1/admin}. */
    ADMIN;

    /** The authority Spring Security checks: the role's name in lower case, as it is configured. */
    String authority() {
        return name().toLowerCase(Locale.ROOT);
    }
}
