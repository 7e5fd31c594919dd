package dev.userlifecycle.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A valid instance of every command and event, and the classes of the published language. */
final class Examples {

    static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-03-01");
    static final AcquisitionChannel CHANNEL = new AcquisitionChannel("search", "cpc", "spring-sale");
    static final Contact CONTACT = new Contact("Li Wei", "li.wei@example.com", "+86 10 1234 5678");
    static final ChannelConsents CONSENTS = new ChannelConsents(true, false, true);
    static final Money AMOUNT = Money.of("12.50", "CNY");

    private Examples() {
    }

    static List<Object> commands() {
        return List.of(
                new RegisterUser("u-1", CHANNEL, "u-0", "cn-east", CONTACT, CONSENTS, AT),
                new ActivateUser("u-1", AT),
                new RecordActivity("u-1", ActivityKind.LOGIN, AT, DAY),
                new RecordPurchase("u-1", "order-1", AMOUNT, AT, DAY),
                new MarkUserDormant("u-1", AT, Duration.ofDays(30)),
                new ChangeConsents("u-1", CONSENTS, AT),
                new EnterWakeUpCampaign("u-1", "wake-2026-03", false, AT),
                new EndWakeUpCampaign("u-1", "wake-2026-03", WakeUpOutcome.REACTIVATED, AT),
                ContactUser.on("u-1", "wake-2026-03", "day-1", Channel.SMS, new FrequencyCap(3, Duration.ofDays(7)), AT),
                new RecordOutreachSkipped("u-1", "wake-2026-03", "day-1", Channel.PUSH, "no consent", AT),
                new EarnPoints("u-1", 100, "order", "order-1", AT, AT.plus(Duration.ofDays(365))),
                new RedeemPoints("u-1", 50, "voucher", "redemption-1", AT),
                new ExpirePoints("u-1", AT),
                new EarnPurchasePoints("u-1", "order-1", AMOUNT, AT),
                new EarnReferralBonus("u-0", "u-1", AT),
                new GrantCompensation("u-1", "inc-1", 200, AT),
                new DeclareIncident("inc-1", "Payment outage", Severity.HIGH, Set.of("u-1", "u-2"), AT),
                new RecordApologySent("inc-1", "u-1", AT),
                new RecordIncidentCompensation("inc-1", "u-1", 200, AT),
                new RecordMilestoneMissed("inc-1", IncidentMilestone.APOLOGY, AT),
                new ErasePersonalData("u-1", "privacy-officer", AT));
    }

    static List<Object> events() {
        return List.of(
                new UserRegistered("u-1", CHANNEL, "u-0", "cn-east", CONTACT, CONSENTS, AT),
                new ReferralRecorded("u-0", "u-1", AT),
                new UserActivated("u-1", AT),
                new UserActiveOnDay("u-1", DAY, ActivityKind.VISIT, AT),
                new PurchaseMade("u-1", "order-1", AMOUNT, AT, true),
                new UserWentDormant("u-1", AT.minus(Duration.ofDays(30)), AT),
                new UserReactivated("u-1", "wake-2026-03", AT),
                new ConsentsChanged("u-1", CONSENTS, AT),
                new WakeUpCampaignEntered("u-1", "wake-2026-03", true, AT),
                new WakeUpCampaignEnded("u-1", "wake-2026-03", WakeUpOutcome.EXPIRED, AT),
                new OutreachContactRecorded("u-1", "wake-2026-03", "day-1", Channel.EMAIL, AT),
                new OutreachStepSkipped("u-1", "wake-2026-03", "day-1", Channel.SMS, "quiet hours", AT),
                new PointsEarned("u-1", 100, "order", "order-1", AT, null),
                new PointsRedeemed("u-1", 50, "voucher", "redemption-1", AT),
                new PointsExpired("u-1", 10, AT),
                new LoyaltyTierChanged("u-1", LoyaltyTier.BRONZE, LoyaltyTier.GOLD, AT),
                new LoyaltyReviewScheduled("u-1", AT.plus(Duration.ofDays(365)), AT),
                new CompensationGranted("u-1", "inc-1", 200, AT),
                new IncidentDeclared("inc-1", "Payment outage", Severity.CRITICAL, Set.of("u-1", "u-2"), AT,
                                     AT.plus(Duration.ofHours(2)), AT.plus(Duration.ofHours(24))),
                new IncidentApologySent("inc-1", "u-1", AT),
                new IncidentCompensationRecorded("inc-1", "u-1", 200, AT),
                new IncidentMilestoneReached("inc-1", IncidentMilestone.APOLOGY, AT, AT.minusSeconds(60), true),
                new IncidentMilestoneMissed("inc-1", IncidentMilestone.COMPENSATION, AT, AT.plusSeconds(1)),
                new IncidentClosed("inc-1", AT),
                new UserPersonalDataErased("u-1", "privacy-officer", AT));
    }

    /** Every top-level type compiled into this module's package. */
    static List<Class<?>> publishedTypes() {
        try {
            Path classes = Path.of(Money.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                               .resolve(Money.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(classes)) {
                return files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".class") && !name.contains("$")
                                    && !name.equals("package-info.class"))
                            .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length())))
                            .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Class<?>> commandTypes() {
        return publishedTypes().stream()
                               .filter(type -> UserCommand.class.isAssignableFrom(type)
                                       || IncidentCommand.class.isAssignableFrom(type))
                               .filter(Class::isRecord)
                               .toList();
    }

    static List<Class<?>> eventTypes() {
        return publishedTypes().stream()
                               .filter(type -> LifecycleEvent.class.isAssignableFrom(type) && type.isRecord())
                               .toList();
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName(Money.class.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
