package dev.userlifecycle.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Describes the API-key scheme in the OpenAPI document: the {@code X-API-Key} header on every operation (Swagger
 * UI's "Authorize" asks for it once), and on each operation the role it needs and its 401 and 403 answers.
 */
@Component
class ApiKeyOpenApi implements OpenApiCustomizer {

    static final String SCHEME = "apiKey";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                .description("An API key of the service (lifecycle.security.api-keys, LIFECYCLE_API_KEYS); its "
                                     + "roles decide what it may do: frontend, analyst, auditor, admin"));
        openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> describe(path, item.readOperationsMap()));
    }

    private static void describe(String path, Map<PathItem.HttpMethod, Operation> operations) {
        operations.forEach((method, operation) -> {
            String role = ApiAccessRules.requiredRole(method.name(), path).map(ApiRole::authority).orElse(null);
            String needs = role == null ? "No API key may call this."
                    : "Needs an API key with the role `" + role + "`.";
            operation.setDescription(operation.getDescription() == null
                                             ? needs : operation.getDescription() + "\n\n" + needs);
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses()
                     .addApiResponse("401", new ApiResponse().description("No API key, or one that is not valid"))
                     .addApiResponse("403", new ApiResponse().description("The API key lacks the role " + role));
        });
    }
}
