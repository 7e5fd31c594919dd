package dev.userlifecycle.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

/** The OpenAPI document at {@code /v3/api-docs}, with the Idempotency-Key header on every write. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI lifecycleApi() {
        return new OpenAPI().info(new Info().title("User lifecycle service").version("v1")
                                            .description("Commands from frontends, queries for analysts and "
                                                                 + "dashboards, audit for auditors. Errors are "
                                                                 + "RFC 7807 problems."));
    }

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handlerMethod) -> {
            boolean writes = handlerMethod.hasMethodAnnotation(PostMapping.class)
                    || handlerMethod.hasMethodAnnotation(PutMapping.class)
                    || handlerMethod.hasMethodAnnotation(PatchMapping.class);
            if (writes) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyFilter.HEADER)
                        .required(false)
                        .schema(new StringSchema().maxLength(200))
                        .description("Repeating the request with the same key and body repeats the first "
                                             + "answer without a second effect; another body gives 409"));
            }
            return operation;
        };
    }
}
