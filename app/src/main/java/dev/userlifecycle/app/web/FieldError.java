package dev.userlifecycle.app.web;

/** One entry of a problem's {@code errors}: which field was wrong and why. */
public record FieldError(String field, String message) {
}
