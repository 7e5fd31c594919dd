package dev.userlifecycle.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates a request by the key in its {@code X-API-Key} header. A request without the header goes on
 * unauthenticated (open paths answer it, the others with 401); a key that is not configured is answered 401 at once,
 * wherever it is sent.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final SecurityProblems problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, SecurityProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Holder> holder = keys.find(presented);
        if (holder.isEmpty()) {
            problems.unauthorized(response, "The API key in the " + HEADER + " header is not valid");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(holder.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
