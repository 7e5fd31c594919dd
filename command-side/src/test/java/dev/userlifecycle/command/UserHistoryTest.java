package dev.userlifecycle.command;

import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.PointsEarned;
import dev.userlifecycle.events.UserStatus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.userlifecycle.command.Timeline.CONSENTS;
import static dev.userlifecycle.command.Timeline.USER;
import static dev.userlifecycle.command.Timeline.activated;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.dormantAfter;
import static dev.userlifecycle.command.Timeline.purchased;
import static dev.userlifecycle.command.Timeline.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** A user rebuilt from a stream, or from the first events of it, for the audit. */
class UserHistoryTest {

    private static final LoyaltyProgram PROGRAM = LoyaltyProgram.standard(ZoneOffset.UTC);

    private final UserHistory history = new UserHistory(
            MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(User.class),
                                                  new SimpleResourceParameterResolverFactory(List.of(PROGRAM))),
            ClasspathHandlerDefinition.forClass(User.class));

    private final List<Object> stream = List.of(
            registered(), activated(1), purchased("o-2", 1, true),
            new PointsEarned(USER, 12, "purchase o-2", "order:o-2", at(1), PROGRAM.expiryOf(at(1))),
            purchased("o-1", 3, false), dormantAfter(3));

    @Test
    void aReplayedUserHasWhatItsEventsRecorded() {
        UserState state = history.replay(events(stream.size())).orElseThrow();

        assertThat(state.userId()).isEqualTo(USER);
        assertThat(state.status()).isEqualTo(UserStatus.DORMANT);
        assertThat(state.consents()).isEqualTo(CONSENTS);
        assertThat(state.dormantSince()).isEqualTo(at(33));
        assertThat(state.lastActiveAt()).isEqualTo(at(3));
        assertThat(state.orderIds()).containsExactly("o-1", "o-2");
        assertThat(state.loyalty().balance()).isEqualTo(12);
        assertThat(state.loyalty().tier()).isEqualTo(LoyaltyTier.BRONZE);
        assertThat(state.loyalty().earnedSources()).containsExactly("order:o-2");
        assertThat(state.loyalty().lots()).singleElement()
                                           .isEqualTo(new UserState.Lot(at(1), 12, 12, PROGRAM.expiryOf(at(1))));
        assertThat(state.wakeUp().enteredCampaigns()).isEmpty();
    }

    @Test
    void theFirstEventsOfAStreamGiveTheUserAsItWasThen() {
        UserState state = history.replay(events(2)).orElseThrow();

        assertThat(state.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(state.lastActiveAt()).isEqualTo(at(1));
        assertThat(state.lastActiveDay()).isNull();
        assertThat(state.orderIds()).isEmpty();
        assertThat(state.loyalty().balance()).isZero();
    }

    @Test
    void noEventsAreNoUser() {
        assertThat(history.replay(DomainEventStream.empty())).isEmpty();
    }

    private DomainEventStream events(int count) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new GenericDomainEventMessage<>(CommandSideModule.USER_AGGREGATE_TYPE, USER, i,
                                                         stream.get(i)));
        }
        return DomainEventStream.of(messages);
    }
}
