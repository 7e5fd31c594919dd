package dev.userlifecycle.events;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.userlifecycle.events.Examples.AMOUNT;
import static dev.userlifecycle.events.Examples.AT;
import static dev.userlifecycle.events.Examples.CHANNEL;
import static dev.userlifecycle.events.Examples.CONSENTS;
import static dev.userlifecycle.events.Examples.CONTACT;
import static dev.userlifecycle.events.Examples.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CommandValidationTest {

    private static final String LONG = "x".repeat(201);

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    static List<Object> commands() {
        return Examples.commands();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aWellFormedCommandIsValid(Object command) {
        assertThat(validator.validate(command)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionalFieldsLeftOut")
    void optionalFieldsMayBeLeftOut(Object command) {
        assertThat(validator.validate(command)).isEmpty();
    }

    @ParameterizedTest(name = "{0} rejects {2}")
    @MethodSource("malformedCommands")
    void aMalformedFieldIsReportedByItsPath(String command, Object malformed, String path) {
        assertThat(validator.validate(malformed)).extracting(CommandValidationTest::path).contains(path)
                                                 .allMatch(p -> p.equals(path));
    }

    static Stream<Object> optionalFieldsLeftOut() {
        return Stream.of(
                new RegisterUser("u-1", new AcquisitionChannel("organic", null, null), null, null, null, null, AT),
                new RegisterUser("u-1", CHANNEL, null, null, new Contact(null, null, null), CONSENTS, AT),
                new EarnPoints("u-1", 1, "welcome", "welcome:u-1", AT, null));
    }

    static Stream<Arguments> malformedCommands() {
        Set<String> withBlankId = new HashSet<>(Set.of("u-1"));
        withBlankId.add(" ");
        return Stream.of(
                malformed(new RegisterUser(null, CHANNEL, null, null, null, null, AT), "userId"),
                malformed(new RegisterUser("u 1", CHANNEL, null, null, null, null, AT), "userId"),
                malformed(new RegisterUser("u-" + "1".repeat(64), CHANNEL, null, null, null, null, AT), "userId"),
                malformed(new RegisterUser("u-1", null, null, null, null, null, AT), "channel"),
                malformed(new RegisterUser("u-1", new AcquisitionChannel(" ", null, null), null, null, null, null, AT),
                          "channel.source"),
                malformed(new RegisterUser("u-1", new AcquisitionChannel("ads", LONG, null), null, null, null, null,
                                           AT), "channel.medium"),
                malformed(new RegisterUser("u-1", new AcquisitionChannel("ads", null, LONG), null, null, null, null,
                                           AT), "channel.campaign"),
                malformed(new RegisterUser("u-1", CHANNEL, "", null, null, null, AT), "referrerId"),
                malformed(new RegisterUser("u-1", CHANNEL, null, "r".repeat(65), null, null, AT), "region"),
                malformed(new RegisterUser("u-1", CHANNEL, null, null, new Contact(LONG, null, null), null, AT),
                          "contact.name"),
                malformed(new RegisterUser("u-1", CHANNEL, null, null, new Contact(null, "no-at-sign", null), null,
                                           AT), "contact.email"),
                malformed(new RegisterUser("u-1", CHANNEL, null, null, new Contact(null, null, "call me"), null,
                                           AT), "contact.phone"),
                malformed(new RegisterUser("u-1", CHANNEL, null, null, CONTACT, CONSENTS, null), "occurredAt"),
                malformed(new ActivateUser("", AT), "userId"),
                malformed(new ErasePersonalData("u-1", " ", AT), "requestedBy"),
                malformed(new ErasePersonalData("u-1", LONG, AT), "requestedBy"),
                malformed(new ErasePersonalData("u-1", "privacy-officer", null), "occurredAt"),
                malformed(new ActivateUser("u-1", null), "occurredAt"),
                malformed(new RecordActivity("u-1", null, AT, DAY), "kind"),
                malformed(new RecordActivity("u-1", ActivityKind.LOGIN, null, DAY), "occurredAt"),
                malformed(new RecordActivity("u-1", ActivityKind.LOGIN, AT, null), "day"),
                malformed(new RecordPurchase("u-1", " ", AMOUNT, AT, DAY), "orderId"),
                malformed(new RecordPurchase("u-1", "o".repeat(101), AMOUNT, AT, DAY), "orderId"),
                malformed(new RecordPurchase("u-1", "order-1", null, AT, DAY), "amount"),
                malformed(new RecordPurchase("u-1", "order-1", Money.of("0", "CNY"), AT, DAY), "amount"),
                malformed(new RecordPurchase("u-1", "order-1", Money.of("-1", "CNY"), AT, DAY), "amount"),
                malformed(new RecordPurchase("u-1", "order-1", Money.of("1.005", "CNY"), AT, DAY), "amount.amount"),
                malformed(new RecordPurchase("u-1", "order-1", Money.of("1", "cny"), AT, DAY), "amount.currency"),
                malformed(new RecordPurchase("u-1", "order-1", Money.of("1", "YUAN"), AT, DAY), "amount.currency"),
                malformed(new RecordPurchase("u-1", "order-1", AMOUNT, null, DAY), "occurredAt"),
                malformed(new RecordPurchase("u-1", "order-1", AMOUNT, AT, null), "day"),
                malformed(new MarkUserDormant("u-1", null, Duration.ofDays(30)), "asOf"),
                malformed(new MarkUserDormant("u-1", AT, null), "dormancyPeriod"),
                malformed(new ChangeConsents("u-1", null, AT), "consents"),
                malformed(new ChangeConsents("u-1", CONSENTS, null), "occurredAt"),
                malformed(new EnterWakeUpCampaign("u-1", null, false, AT), "campaignId"),
                malformed(new EnterWakeUpCampaign("u-1", "wake", false, null), "occurredAt"),
                malformed(new EndWakeUpCampaign("u-1", "wake/1", WakeUpOutcome.EXPIRED, AT), "campaignId"),
                malformed(new EndWakeUpCampaign("u-1", "wake", null, AT), "outcome"),
                malformed(new EndWakeUpCampaign("u-1", "wake", WakeUpOutcome.EXPIRED, null), "occurredAt"),
                malformed(ContactUser.on("u-1", null, "day-1", Channel.SMS, null, AT), "campaignId"),
                malformed(ContactUser.on("u-1", "wake", "", Channel.SMS, null, AT), "step"),
                malformed(ContactUser.on("u-1", "wake", "s".repeat(65), Channel.SMS, null, AT), "step"),
                malformed(new ContactUser("u-1", "wake", "day-1", List.of(), null, AT), "channels"),
                malformed(new ContactUser("u-1", "wake", "day-1", null, null, AT), "channels"),
                malformed(ContactUser.on("u-1", "wake", "day-1", Channel.SMS,
                                         new FrequencyCap(0, Duration.ofDays(7)), AT), "frequencyCap.maxContacts"),
                malformed(ContactUser.on("u-1", "wake", "day-1", Channel.SMS, null, null), "occurredAt"),
                malformed(new RecordOutreachSkipped("u-1", "", "day-1", Channel.SMS, "no consent", AT), "campaignId"),
                malformed(new RecordOutreachSkipped("u-1", "wake", null, Channel.SMS, "no consent", AT), "step"),
                malformed(new RecordOutreachSkipped("u-1", "wake", "day-1", null, "no consent", AT), "channel"),
                malformed(new RecordOutreachSkipped("u-1", "wake", "day-1", Channel.SMS, " ", AT), "reason"),
                malformed(new RecordOutreachSkipped("u-1", "wake", "day-1", Channel.SMS, LONG, AT), "reason"),
                malformed(new RecordOutreachSkipped("u-1", "wake", "day-1", Channel.SMS, "cap", null), "occurredAt"),
                malformed(new EarnPoints("u-1", 0, "order", "order-1", AT, null), "points"),
                malformed(new EarnPoints("u-1", -5, "order", "order-1", AT, null), "points"),
                malformed(new EarnPoints("u-1", 5, "", "order-1", AT, null), "reason"),
                malformed(new EarnPoints("u-1", 5, LONG, "order-1", AT, null), "reason"),
                malformed(new EarnPoints("u-1", 5, "order", null, AT, null), "sourceId"),
                malformed(new EarnPoints("u-1", 5, "order", "s".repeat(101), AT, null), "sourceId"),
                malformed(new EarnPoints("u-1", 5, "order", "order-1", null, null), "occurredAt"),
                malformed(new RedeemPoints("u-1", 0, "voucher", "r-1", AT), "points"),
                malformed(new RedeemPoints("u-1", 5, null, "r-1", AT), "reason"),
                malformed(new RedeemPoints("u-1", 5, "voucher", " ", AT), "redemptionId"),
                malformed(new RedeemPoints("u-1", 5, "voucher", "r-1", null), "occurredAt"),
                malformed(new ExpirePoints("u-1", null), "asOf"),
                malformed(new EarnPurchasePoints("u-1", " ", AMOUNT, AT), "orderId"),
                malformed(new EarnPurchasePoints("u-1", "order-1", Money.of("0", "CNY"), AT), "amount"),
                malformed(new EarnPurchasePoints("u-1", "order-1", AMOUNT, null), "occurredAt"),
                malformed(new EarnReferralBonus("u-0", "u 1", AT), "referredUserId"),
                malformed(new EarnReferralBonus("u-0", "u-1", null), "occurredAt"),
                malformed(new GrantCompensation("u-1", null, 100, AT), "incidentId"),
                malformed(new GrantCompensation("u-1", "inc-1", 0, AT), "points"),
                malformed(new GrantCompensation("u-1", "inc-1", 100, null), "occurredAt"),
                malformed(new DeclareIncident("inc 1", "Outage", Severity.LOW, Set.of("u-1"), AT), "incidentId"),
                malformed(new DeclareIncident("inc-1", " ", Severity.LOW, Set.of("u-1"), AT), "title"),
                malformed(new DeclareIncident("inc-1", LONG, Severity.LOW, Set.of("u-1"), AT), "title"),
                malformed(new DeclareIncident("inc-1", "Outage", null, Set.of("u-1"), AT), "severity"),
                malformed(new DeclareIncident("inc-1", "Outage", Severity.LOW, null, AT), "affectedUserIds"),
                malformed(new DeclareIncident("inc-1", "Outage", Severity.LOW, Collections.emptySet(), AT),
                          "affectedUserIds"),
                malformed(new DeclareIncident("inc-1", "Outage", Severity.LOW, withBlankId, AT),
                          "affectedUserIds[].<iterable element>"),
                malformed(new DeclareIncident("inc-1", "Outage", Severity.LOW, Set.of("u-1"), null), "occurredAt"),
                malformed(new RecordApologySent(null, "u-1", AT), "incidentId"),
                malformed(new RecordApologySent("inc-1", null, AT), "userId"),
                malformed(new RecordApologySent("inc-1", "u-1", null), "occurredAt"),
                malformed(new RecordIncidentCompensation("inc-1", "u 1", 100, AT), "userId"),
                malformed(new RecordIncidentCompensation("inc-1", "u-1", 0, AT), "points"),
                malformed(new RecordIncidentCompensation("inc-1", "u-1", 100, null), "occurredAt"),
                malformed(new RecordMilestoneMissed("inc-1", null, AT), "milestone"),
                malformed(new RecordMilestoneMissed("inc-1", IncidentMilestone.APOLOGY, null), "occurredAt"));
    }

    private static Arguments malformed(Object command, String path) {
        return arguments(command.getClass().getSimpleName(), command, path);
    }

    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString();
    }
}
