package dev.userlifecycle.events;

/**
 * What went wrong when a command broke a domain rule, in a form that survives a remote command bus: Axon sends it
 * as the details of a {@code CommandExecutionException}, so a caller in another process can still map it.
 *
 * @param kind    what sort of failure, enough to choose a response status
 * @param field   the command field at fault, or {@code null}
 * @param message a description for a human
 */
public record LifecycleError(Kind kind, String field, String message) {

    public enum Kind {
        /** A request parameter is malformed or out of range (HTTP 400). */
        INVALID_REQUEST,
        /** The addressed user or incident does not exist (HTTP 404). */
        NOT_FOUND,
        /** The user or incident exists already, or is in a state that does not allow the command (HTTP 409). */
        CONFLICT,
        /** The command is well-formed but breaks a business rule (HTTP 422). */
        RULE_VIOLATION
    }
}
