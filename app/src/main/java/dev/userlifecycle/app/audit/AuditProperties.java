package dev.userlifecycle.app.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the audit API.
 *
 * @param clockSkew how far storage times may run out of the order of positions (clocks of concurrent writers); the
 *                  export of a time range reads this much further on both sides so as not to miss such events
 */
@ConfigurationProperties("lifecycle.audit")
public record AuditProperties(Duration clockSkew) {

    public AuditProperties {
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("lifecycle.audit.clock-skew must not be negative: " + clockSkew);
        }
    }
}
