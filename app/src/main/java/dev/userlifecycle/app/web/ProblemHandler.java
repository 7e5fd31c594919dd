package dev.userlifecycle.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LifecycleException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns every failure of a request into an RFC 7807 problem that names the offending field where there is one. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
          .forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
          .forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(),
                                                                                 error.getDefaultMessage())));
                bean.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(),
                                                                                  error.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(
                        new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
            }
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", field + ": "
                    + reason(mapping), field));
        }
        String detail = cause instanceof JsonProcessingException json
                ? "Malformed JSON: " + json.getOriginalMessage()
                : "The request body is missing or is not JSON";
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body", detail, (String) null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String detail = "'" + ex.getValue() + "' is not a valid " + simpleName(ex.getRequiredType());
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", detail, ex.getName()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()),
                                                             v.getMessage()))
                                    .toList();
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException ex) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "Not found",
                                   "No " + ex.getAggregateIdentifier() + " is known", (String) null));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> conflict(ConcurrencyException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                             .header(HttpHeaders.RETRY_AFTER, "1")
                             .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.of(HttpStatus.CONFLICT, "Concurrent modification",
                                               "Another request changed the same record at the same time; retry",
                                               (String) null));
    }

    @ExceptionHandler(LifecycleException.class)
    ResponseEntity<Object> refused(LifecycleException ex) {
        return refused(ex.error());
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<Object> invalidCommand(JSR303ViolationException ex) {
        List<FieldError> errors = ex.getViolations().stream()
                                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                                    .toList();
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors));
    }

    private ResponseEntity<Object> refused(LifecycleError error) {
        HttpStatus status = switch (error.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_ENTITY;
            case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
        };
        return problem(Problems.of(status, status.getReasonPhrase(), error.message(), error.field()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> alreadyExists(AggregateStreamCreationException ex) {
        return problem(Problems.of(HttpStatus.CONFLICT, "Conflict",
                                   "A user or incident with this identifier exists already", (String) null));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException ex) throws Exception {
        Optional<LifecycleError> details = HandlerExecutionException.resolveDetails(ex);
        if (details.isPresent()) {
            return refused(details.get());
        }
        Throwable cause = ex.getCause();
        if (cause instanceof Exception inner && cause != ex) {
            ResponseEntity<Object> mapped = handleKnown(inner);
            if (mapped != null) {
                return mapped;
            }
        }
        logger.error("Command failed", ex);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Command failed",
                                   "The command could not be handled", (String) null));
    }

    /** Maps a cause that an exception handler of this class knows; null if none does. */
    private ResponseEntity<Object> handleKnown(Exception cause) throws Exception {
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return conflict(concurrency);
        }
        if (cause instanceof AggregateStreamCreationException exists) {
            return alreadyExists(exists);
        }
        if (cause instanceof ConstraintViolationException violation) {
            return constraintViolation(violation);
        }
        if (cause instanceof JSR303ViolationException violation) {
            return invalidCommand(violation);
        }
        return null;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                             .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + invalid.getValue() + "' is not one of " + Arrays.stream(target.getEnumConstants())
                                                                            .map(Object::toString)
                                                                            .collect(Collectors.joining(", "));
            }
            return "'" + invalid.getValue() + "' is not a valid " + simpleName(target);
        }
        if (mapping instanceof MismatchedInputException mismatched) {
            return "expected a " + simpleName(mismatched.getTargetType());
        }
        return "has an invalid value";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "ISO-8601 instant such as 2026-03-01T09:30:00Z";
            case "LocalDate" -> "ISO-8601 date such as 2026-03-01";
            case "BigDecimal" -> "decimal number";
            case "long", "Long", "int", "Integer" -> "whole number";
            case "boolean", "Boolean" -> "boolean";
            default -> type.getSimpleName();
        };
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
