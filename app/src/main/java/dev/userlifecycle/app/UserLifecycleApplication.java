package dev.userlifecycle.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** No user store: requests authenticate with API keys ({@code app.security}), not user names and passwords. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class UserLifecycleApplication {

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(UserLifecycleApplication.class, args);
    }

    /** The service makes no outbound calls; the operator can still opt in with the environment variable. */
    static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
