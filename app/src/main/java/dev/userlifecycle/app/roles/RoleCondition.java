package dev.userlifecycle.app.roles;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

class RoleCondition implements Condition {

    static final String PROPERTY = "lifecycle.roles";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        Role[] wanted = (Role[]) attributes.get("value");
        Set<Role> active = activeRoles(context.getEnvironment());
        return Arrays.stream(wanted).anyMatch(active::contains);
    }

    static Set<Role> activeRoles(Environment environment) {
        String configured = environment.getProperty(PROPERTY, "command,query,sagas");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : configured.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(trimmed.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Unknown role '" + trimmed + "' in " + PROPERTY
                                                        + "; known roles: command, query, sagas", e);
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " names no role; give at least one of command, query, sagas");
        }
        return roles;
    }
}
