package dev.userlifecycle.app.personaldata;

import dev.userlifecycle.app.web.KeptAnswers;
import dev.userlifecycle.events.ErasePersonalData;
import dev.userlifecycle.events.PersonalDataErasure;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Erases what the user's {@code ErasePersonalData} cannot reach from the aggregate: once the user has accepted it,
 * and before its event is stored, deletes the user's key and forgets the kept answers to the user's registration.
 * Should this fail, the event is not stored and the request fails; should the process stop after it, the data is gone
 * and a retry records the event. Every repetition does it again, which changes nothing.
 */
final class PersonalDataErasureInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final PersonalDataKeys keys;
    private final KeptAnswers keptAnswers;

    PersonalDataErasureInterceptor(PersonalDataKeys keys, KeptAnswers keptAnswers) {
        this.keys = keys;
        this.keptAnswers = keptAnswers;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        if (unitOfWork.getMessage().getPayload() instanceof ErasePersonalData
                && result instanceof PersonalDataErasure erasure) {
            keys.erase(erasure.userId(), erasure.erasedAt());
            keptAnswers.forgetRegistrationsOf(erasure.userId());
        }
        return result;
    }
}
