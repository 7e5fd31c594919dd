package dev.userlifecycle.events;

/**
 * The metadata every stored event carries, so that an auditor sees who caused it, which chain of messages it belongs
 * to and where that chain came from. Commands carry the same keys; the events a command causes take them over.
 */
public final class AuditMetadata {

    /** Who issued the command: an API key's owner, {@code saga:wake-up}, {@code sweep:dormancy}, {@code importer}… */
    public static final String PRINCIPAL = "principal";
    /** The id of the whole chain's root: the HTTP request's correlation id, or the first message's id. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that caused this one (the command an event was applied by, the event a saga saw). */
    public static final String CAUSATION_ID = "causationId";
    /** One of {@link #API}, {@link #SAGA}, {@link #IMPORT}, {@link #SWEEP}. */
    public static final String SOURCE = "source";

    /** A request to the HTTP API. */
    public static final String API = "api";
    /** A saga or a policy reacting to events, or one of its deadlines. */
    public static final String SAGA = "saga";
    /** An import of history. */
    public static final String IMPORT = "import";
    /** A sweep over many users (dormancy, points expiry). */
    public static final String SWEEP = "sweep";

    private AuditMetadata() {
    }
}
