package dev.userlifecycle.command;

import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.Contact;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.UserAlreadyExistsException;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.userlifecycle.command.Timeline.CHANNEL;
import static dev.userlifecycle.command.Timeline.CONSENTS;
import static dev.userlifecycle.command.Timeline.T0;
import static dev.userlifecycle.command.Timeline.USER;
import static dev.userlifecycle.command.Timeline.registered;
import static dev.userlifecycle.command.Timeline.violationOf;

/** Registration in one stream; the referrer's stream is covered by {@link CommandSideModuleTest}. */
class RegistrationTest {

    private static final Contact CONTACT = new Contact("Li Wei", "li.wei@example.com", "+86 10 1234 5678");

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerAnnotatedCommandHandler(new RegistrationHandler(fixture.getRepository()));
    }

    @Test
    void registrationRecordsTheUserAndAnswersTheirId() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, CHANNEL, null, "cn-east", CONTACT, CONSENTS, T0))
               .expectEvents(new UserRegistered(USER, CHANNEL, null, "cn-east", CONTACT, CONSENTS, T0))
               .expectResultMessagePayload(USER);
    }

    @Test
    void registrationWithoutConsentsAgreesToNoChannel() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, CHANNEL, null, null, null, null, T0))
               .expectEvents(new UserRegistered(USER, CHANNEL, null, null, null, ChannelConsents.none(), T0));
    }

    @Test
    void aUserIdIsRegisteredOnlyOnce() {
        fixture.given(registered())
               .when(new RegisterUser(USER, CHANNEL, null, null, null, null, T0.plusSeconds(60)))
               .expectException(UserAlreadyExistsException.class)
               .expectNoEvents();
    }

    @Test
    void userCannotReferThemself() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, CHANNEL, USER, null, null, null, T0))
               .expectException(violationOf("referrerId"))
               .expectNoEvents();
    }

    @Test
    void registrationWithAnUnknownReferrerIsRejected() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, CHANNEL, "u-0", null, null, null, T0))
               .expectException(violationOf("referrerId"))
               .expectNoEvents();
    }
}
