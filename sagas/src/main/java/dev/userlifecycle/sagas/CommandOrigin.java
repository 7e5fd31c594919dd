package dev.userlifecycle.sagas;

import dev.userlifecycle.events.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who sends the commands of a saga, policy or sweep: put into each command's metadata and so onto every event the
 * command causes (see {@link AuditMetadata}). Without it a command sent while an event is handled would look as if
 * it came from whoever caused that event. A key left {@code null} is filled by the application from the context the
 * command is sent in (the correlation of the event being handled, or of the HTTP request that asked for a sweep).
 *
 * @param principal     who the events are attributed to
 * @param source        {@link AuditMetadata#SAGA} or {@link AuditMetadata#SWEEP}
 * @param correlationId the chain the commands belong to; {@code null}: the context's
 */
public record CommandOrigin(String principal, String source, String correlationId) {

    public CommandOrigin {
        if (principal == null || source == null) {
            throw new IllegalArgumentException("a command origin names its principal and source");
        }
    }

    /** A saga's commands, event handlers and deadlines alike: {@code saga:<name>}. */
    public static CommandOrigin saga(String name) {
        return new CommandOrigin("saga:" + name, AuditMetadata.SAGA, null);
    }

    /** A policy's commands (an event handler that sends commands, no saga): {@code policy:<name>}. */
    public static CommandOrigin policy(String name) {
        return new CommandOrigin("policy:" + name, AuditMetadata.SAGA, null);
    }

    /** A run of a sweep on its schedule: {@code sweep:<name>}, one new correlation id for all its commands. */
    public static CommandOrigin scheduledSweep(String name) {
        return new CommandOrigin("sweep:" + name, AuditMetadata.SWEEP, UUID.randomUUID().toString());
    }

    /**
     * A run of a sweep that someone asked for through the API: attributed to them (the request's principal) and
     * correlated with their request; {@code sweep:<name>} when nobody is known.
     */
    public static CommandOrigin requestedSweep(String name, String requester) {
        return new CommandOrigin(requester == null ? "sweep:" + name : requester, AuditMetadata.SWEEP, null);
    }

    /** The command with this origin in its metadata, ready for a {@code CommandGateway}. */
    public <C> CommandMessage<C> command(C payload) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditMetadata.PRINCIPAL, principal);
        metaData.put(AuditMetadata.SOURCE, source);
        if (correlationId != null) {
            metaData.put(AuditMetadata.CORRELATION_ID, correlationId);
        }
        return GenericCommandMessage.<C>asCommandMessage(payload).andMetaData(metaData);
    }
}
