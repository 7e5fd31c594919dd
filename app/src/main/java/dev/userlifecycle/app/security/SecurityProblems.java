package dev.userlifecycle.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userlifecycle.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;

/** The 401 and 403 answers, as RFC 7807 problems like every other error of the API. */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        unauthorized(response, "This request needs an API key in the " + ApiKeyFilter.HEADER + " header");
    }

    void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", detail, ApiKeyFilter.HEADER));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", forbidden(request), (String) null));
    }

    private static String forbidden(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String what = request.getMethod() + " " + path;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String who = authentication instanceof ApiKeyAuthentication key
                ? "The API key of '" + key.getName() + "' (roles: " + key.holder().roles().stream()
                        .map(ApiRole::authority).sorted().collect(Collectors.joining(", ")) + ")"
                : "This API key";
        Optional<ApiRole> needed = ApiAccessRules.requiredRole(request.getMethod(), path);
        return needed.map(role -> who + " may not " + what + ": it needs the role " + role.authority())
                     .orElse(who + " may not " + what + ": no role may");
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
