package dev.userlifecycle.app.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by its API key: the principal is the key's owner, the authorities its roles. The key itself
 * is not kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeys.Holder holder;

    ApiKeyAuthentication(ApiKeys.Holder holder) {
        super(holder.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.holder = holder;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return holder.owner();
    }

    ApiKeys.Holder holder() {
        return holder;
    }
}
