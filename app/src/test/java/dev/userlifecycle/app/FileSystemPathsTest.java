package dev.userlifecycle.app;

import dev.userlifecycle.app.importing.ImportProperties;
import dev.userlifecycle.app.mongo.LifecycleMongoProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every {@link Path} setting binds as the path it says, relative to the folder the process starts in: read from the
 * application's own {@code application.yml} and {@code application-cdnow.yml}, in a web application as the service
 * is, whose default {@code PathEditor} took a relative text for a resource of the servlet context.
 */
class FileSystemPathsTest {

    @Test
    void theDefaultsOfTheDemoProfileBindAsRelativePaths() {
        assumeTrue(Stream.of("LIFECYCLE_CDNOW_FILE", "LIFECYCLE_DATA_FILE", "LIFECYCLE_IMPORT_DIRECTORY")
                         .allMatch(name -> System.getenv(name) == null), "the defaults are overridden here");
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=cdnow")) {
            ImportProperties imports = context.getBean(ImportProperties.class);
            assertThat(imports.cdnowDemo().file()).isEqualTo(Path.of("../shared/data/cdnow/CDNOW_master.txt"));
            assertThat(imports.directory()).isEqualTo(Path.of("./data/imports"));
            assertThat(context.getBean(LifecycleMongoProperties.class).embedded().file())
                    .isEqualTo(Path.of("./data/cdnow.mv"));
        }
    }

    @Test
    void aRelativePathStaysOnTheFileSystemEvenWhereTheClassPathHasThatName() {
        try (ConfigurableApplicationContext context = start(
                "--lifecycle.import.cdnow-demo.file=../shared/x",
                "--lifecycle.import.upload-directory=../uploads",
                "--lifecycle.import.directory=data/imports",
                "--lifecycle.mongo.embedded.file=cdnow/CDNOW_master.txt.gz")) {
            ImportProperties imports = context.getBean(ImportProperties.class);
            assertThat(imports.cdnowDemo().file()).isEqualTo(Path.of("../shared/x"));
            assertThat(imports.uploadDirectory()).isEqualTo(Path.of("../uploads"));
            assertThat(imports.directory()).isEqualTo(Path.of("data/imports"));
            assertThat(context.getBean(LifecycleMongoProperties.class).embedded().file())
                    .as("a resource of the application by that name exists")
                    .isEqualTo(Path.of("cdnow/CDNOW_master.txt.gz"));
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(FileSystemPathsConfiguration.class, BoundSettings.class)
                .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(Stream.concat(Stream.of("--server.port=0"), Stream.of(arguments)).toArray(String[]::new));
    }

    /** A web application, as the service is: its resource loader is the servlet context's. */
    @EnableConfigurationProperties({ImportProperties.class, LifecycleMongoProperties.class})
    @ImportAutoConfiguration(ServletWebServerFactoryAutoConfiguration.class)
    static class BoundSettings {
    }
}
