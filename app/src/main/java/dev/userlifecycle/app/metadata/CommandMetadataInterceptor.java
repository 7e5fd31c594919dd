package dev.userlifecycle.app.metadata;

import dev.userlifecycle.events.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Completes the audit metadata of every command sent through the command gateway from the context it is sent in,
 * filling only the keys the command lacks: a sender that knows better (a saga, a sweep, an importer) has set them.
 * <ul>
 *     <li>In an HTTP request: the API key's owner as {@code principal}, {@code source} {@code api}, and the
 *     request's correlation id.</li>
 *     <li>While a message is handled (an event or a deadline of a saga): the handled message's correlation and its id
 *     as the cause; Axon has usually put them there already.</li>
 *     <li>Otherwise, and for a principal or source that nothing names: {@code system}, which nothing in the service
 *     leaves to this fallback.</li>
 * </ul>
 * The events a command's handler applies take these keys over (see {@link EventMetadataConfiguration}).
 */
class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** The principal and source of a command that names no origin and is sent outside any request. */
    static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> missing = new HashMap<>(context());
            missing.keySet().removeAll(command.getMetaData().keySet());
            return missing.isEmpty() ? command : command.andMetaData(missing);
        };
    }

    private static Map<String, Object> context() {
        Optional<String> request = CorrelationIdFilter.current();
        if (request.isPresent()) {
            return Map.of(AuditMetadata.PRINCIPAL, requester(), AuditMetadata.SOURCE, AuditMetadata.API,
                          AuditMetadata.CORRELATION_ID, request.get());
        }
        Map<String, Object> context = new HashMap<>();
        context.put(AuditMetadata.PRINCIPAL, SYSTEM);
        context.put(AuditMetadata.SOURCE, SYSTEM);
        if (CurrentUnitOfWork.isStarted()) {
            Message<?> cause = CurrentUnitOfWork.get().getMessage();
            MetaData causeMetaData = cause.getMetaData();
            context.put(AuditMetadata.CAUSATION_ID, cause.getIdentifier());
            context.put(AuditMetadata.CORRELATION_ID,
                        causeMetaData.getOrDefault(AuditMetadata.CORRELATION_ID, cause.getIdentifier()));
        }
        return context;
    }

    private static String requester() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean known = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return known ? authentication.getName() : "anonymous";
    }
}
