package dev.userlifecycle.command;

import dev.userlifecycle.events.IncidentCommand;
import dev.userlifecycle.events.UnknownIncidentException;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.UserCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns Axon's {@link AggregateNotFoundException} for the addressed user or incident into the domain's
 * {@link UnknownUserException} or {@link UnknownIncidentException}, whose details survive a distributed command bus
 * (Axon's exception reaches a remote caller as a bare message).
 */
class UnknownAggregateTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException e) {
            Object command = unitOfWork.getMessage().getPayload();
            String missing = String.valueOf(e.getAggregateIdentifier());
            if (command instanceof UserCommand userCommand && userCommand.userId().equals(missing)) {
                throw new UnknownUserException(missing);
            }
            if (command instanceof IncidentCommand incidentCommand && incidentCommand.incidentId().equals(missing)) {
                throw new UnknownIncidentException(missing);
            }
            throw e;
        }
    }
}
