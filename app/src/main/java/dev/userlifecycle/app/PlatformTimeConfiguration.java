package dev.userlifecycle.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

/** The platform's time zone: calendar days of activity, quiet hours and cohort boundaries are taken in it. */
@Configuration(proxyBeanMethods = false)
class PlatformTimeConfiguration {

    @Bean
    ZoneId platformZone(@Value("${lifecycle.time-zone:UTC}") String zone) {
        return ZoneId.of(zone);
    }
}
