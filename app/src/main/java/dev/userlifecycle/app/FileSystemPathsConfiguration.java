package dev.userlifecycle.app;

import org.springframework.beans.factory.config.CustomEditorConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every {@link Path} the service is configured with is a file-system path, relative to the folder the process starts
 * in. Spring's default {@code PathEditor}, which the configuration-properties binder tries before any converter
 * (spring-boot#25734), reads a relative text as a resource of the servlet context: {@code ../shared/x} then fails to
 * bind, and a name the class path also has becomes that resource. An editor registered on the bean factory wins over
 * the default one, and the binder copies the bean factory's editors; it is registered before any bean is made.
 */
@Configuration(proxyBeanMethods = false)
class FileSystemPathsConfiguration {

    @Bean
    static CustomEditorConfigurer fileSystemPaths() {
        CustomEditorConfigurer configurer = new CustomEditorConfigurer();
        configurer.setCustomEditors(Map.of(Path.class, FileSystemPathEditor.class));
        configurer.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return configurer;
    }
}
