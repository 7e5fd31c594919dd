package dev.userlifecycle.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** RFC 7807 problem bodies with the {@code errors} list of the API contract. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail, String field) {
        return of(status, title, detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }
}
