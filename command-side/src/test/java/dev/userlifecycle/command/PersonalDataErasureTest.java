package dev.userlifecycle.command;

import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.ChangeConsents;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.ConsentsChanged;
import dev.userlifecycle.events.Contact;
import dev.userlifecycle.events.ErasePersonalData;
import dev.userlifecycle.events.PersonalDataErasure;
import dev.userlifecycle.events.PurchaseMade;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.UserActivated;
import dev.userlifecycle.events.UserActiveOnDay;
import dev.userlifecycle.events.UserAlreadyExistsException;
import dev.userlifecycle.events.UserPersonalDataErased;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.userlifecycle.command.Timeline.AMOUNT;
import static dev.userlifecycle.command.Timeline.CHANNEL;
import static dev.userlifecycle.command.Timeline.CONSENTS;
import static dev.userlifecycle.command.Timeline.T0;
import static dev.userlifecycle.command.Timeline.USER;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.day;

/**
 * The erasure of a user's personal data as the user records it. Deleting the user's key and cleaning the stores is
 * the app's part (the user does not know how its data is kept); here: recorded once, answered alike, and the user
 * goes on.
 */
class PersonalDataErasureTest {

    private static final Contact CONTACT = new Contact("Li Wei", "li.wei@example.com", "+86 10 1234 5678");
    private static final UserRegistered REGISTERED_WITH_CONTACT =
            new UserRegistered(USER, CHANNEL, null, "cn-east", CONTACT, CONSENTS, T0);
    private static final UserPersonalDataErased ERASED = new UserPersonalDataErased(USER, "privacy-officer", at(3));

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerAnnotatedCommandHandler(new RegistrationHandler(fixture.getRepository()));
    }

    @Test
    void erasureIsRecordedWithWhoAskedAndWhenAndAnswered() {
        fixture.given(REGISTERED_WITH_CONTACT)
               .when(new ErasePersonalData(USER, "privacy-officer", at(3)))
               .expectEvents(ERASED)
               .expectResultMessagePayload(new PersonalDataErasure(USER, "privacy-officer", at(3)));
    }

    @Test
    void erasingAgainRecordsNothingAndAnswersTheFirstErasure() {
        fixture.given(REGISTERED_WITH_CONTACT, ERASED)
               .when(new ErasePersonalData(USER, "someone-else", at(9)))
               .expectNoEvents()
               .expectResultMessagePayload(new PersonalDataErasure(USER, "privacy-officer", at(3)));
    }

    @Test
    void anUnknownUserCannotBeErased() {
        fixture.registerCommandHandlerInterceptor(new UnknownAggregateTranslator());

        fixture.givenNoPriorActivity()
               .when(new ErasePersonalData(USER, "privacy-officer", T0))
               .expectException(UnknownUserException.class)
               .expectNoEvents();
    }

    @Test
    void anErasedUserStillPurchases() {
        fixture.given(REGISTERED_WITH_CONTACT, ERASED)
               .when(new RecordPurchase(USER, "order-1", AMOUNT, at(4), day(4)))
               .expectEvents(new UserActivated(USER, at(4)),
                             new UserActiveOnDay(USER, day(4), ActivityKind.PURCHASE, at(4)),
                             new PurchaseMade(USER, "order-1", AMOUNT, at(4), true));
    }

    @Test
    void anErasedUserStillChangesConsentsWhichCarryNoPersonalData() {
        ChannelConsents none = ChannelConsents.none();
        fixture.given(REGISTERED_WITH_CONTACT, ERASED)
               .when(new ChangeConsents(USER, none, at(4)))
               .expectEvents(new ConsentsChanged(USER, none, at(4)));
    }

    @Test
    void anErasedUserCannotRegisterAgainToBringNewContactIn() {
        fixture.given(REGISTERED_WITH_CONTACT, ERASED)
               .when(new RegisterUser(USER, CHANNEL, null, null, CONTACT, CONSENTS, at(5)))
               .expectException(UserAlreadyExistsException.class)
               .expectNoEvents();
    }
}
