package dev.userlifecycle.app;

import dev.userlifecycle.app.importing.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/** No user store: requests authenticate with API keys ({@code app.security}), not user names and passwords. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class UserLifecycleApplication {

    /** Runs the service, or with {@code import} first the import sub-command ({@link ImportCommand}). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        disableAxonUpdateChecker();
        SpringApplication.run(UserLifecycleApplication.class, args);
    }

    /** The service makes no outbound calls; the operator can still opt in with the environment variable. */
    public static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
