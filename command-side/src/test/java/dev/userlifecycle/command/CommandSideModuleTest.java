package dev.userlifecycle.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.userlifecycle.events.ActivateUser;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.ChangeConsents;
import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.ContactUser;
import dev.userlifecycle.events.DeclareIncident;
import dev.userlifecycle.events.EarnPoints;
import dev.userlifecycle.events.EarnPurchasePoints;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.EnterWakeUpCampaign;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.LifecycleError;
import dev.userlifecycle.events.LoyaltyProgram;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.PurchaseOutcome;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.RedeemPoints;
import dev.userlifecycle.events.ReferralRecorded;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.Severity;
import dev.userlifecycle.events.UnknownIncidentException;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.UserAlreadyExistsException;
import dev.userlifecycle.events.UserRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static dev.userlifecycle.command.Timeline.AMOUNT;
import static dev.userlifecycle.command.Timeline.CHANNEL;
import static dev.userlifecycle.command.Timeline.DORMANCY;
import static dev.userlifecycle.command.Timeline.T0;
import static dev.userlifecycle.command.Timeline.at;
import static dev.userlifecycle.command.Timeline.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LONG;

/** The module wired into a plain Axon configuration, for what spans aggregates and for snapshots. */
class CommandSideModuleTest {

    private static final int SNAPSHOT_THRESHOLD = 5;

    private SerializedSnapshots storage;
    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                                                        .objectMapper(new ObjectMapper()
                                                                              .registerModule(new JavaTimeModule()))
                                                        .build();
        storage = new SerializedSnapshots(serializer);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureSerializer(c -> serializer)
                                                 .configureEmbeddedEventStore(c -> storage)
                                                 // like Spring's, which knows no aggregate that is not a bean
                                                 .configureSnapshotter(c -> (aggregateType, aggregateId) -> {
                                                 })
                                                 .registerComponent(LoyaltyProgram.class,
                                                                    c -> LoyaltyProgram.standard(ZoneOffset.UTC));
        new CommandSideModule(SNAPSHOT_THRESHOLD).configureModule(configurer);
        axon = configurer.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void register(String userId, String referrerId) {
        commands.sendAndWait(new RegisterUser(userId, CHANNEL, referrerId, null, null, null, T0));
    }

    private List<Object> eventsOf(String aggregateId) {
        return storage.readEvents(aggregateId, 0).asStream().<Object>map(Message::getPayload).toList();
    }

    // registration with a referrer

    @Test
    void registrationWithAReferrerRecordsTheReferralOnTheReferrersStream() {
        register("u-0", null);

        Object answer = commands.sendAndWait(new RegisterUser("u-1", CHANNEL, "u-0", null, null, null, at(1)));

        assertThat(answer).isEqualTo("u-1");
        assertThat(eventsOf("u-1")).containsExactly(
                new UserRegistered("u-1", CHANNEL, "u-0", null, null, ChannelConsents.none(), at(1)));
        assertThat(eventsOf("u-0")).containsExactly(
                new UserRegistered("u-0", CHANNEL, null, null, null, ChannelConsents.none(), T0),
                new ReferralRecorded("u-0", "u-1", at(1)));
    }

    @Test
    void registrationWithAnUnknownReferrerChangesNothing() {
        assertThatThrownBy(() -> register("u-1", "u-9"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                                        e -> assertThat(e.field()).isEqualTo("referrerId"));

        assertThat(eventsOf("u-1")).isEmpty();
        assertThat(eventsOf("u-9")).isEmpty();
    }

    @Test
    void aRepeatedRegistrationRecordsNoSecondReferral() {
        register("u-0", null);
        register("u-1", "u-0");

        assertThatThrownBy(() -> register("u-1", "u-0")).isInstanceOf(UserAlreadyExistsException.class);

        assertThat(eventsOf("u-0")).hasSize(2);
        assertThat(eventsOf("u-1")).hasSize(1);
    }

    // unknown aggregates

    @Test
    void aCommandToAnUnknownUserIsReportedAsUnknownUser() {
        assertThatThrownBy(() -> commands.sendAndWait(new ActivateUser("u-9", T0)))
                .isInstanceOfSatisfying(UnknownUserException.class,
                                        e -> assertThat(e.error().kind()).isEqualTo(LifecycleError.Kind.NOT_FOUND));
    }

    @Test
    void anIncidentDoesNotSeeTheStreamOfAUserWithTheSameId() {
        register("u-1", null);

        assertThatThrownBy(() -> commands.sendAndWait(new RecordApologySent("u-1", "u-1", T0)))
                .isInstanceOf(UnknownIncidentException.class);
    }

    // incidents

    @Test
    void anIncidentOverSeveralUsersRunsToItsClose() {
        List.of("u-1", "u-2", "u-3").forEach(userId -> register(userId, null));
        Set<String> affected = Set.of("u-3", "u-1", "u-2");

        Object answer = commands.sendAndWait(new DeclareIncident("inc-1", "Outage", Severity.CRITICAL, affected, T0));
        for (String userId : affected) {
            commands.sendAndWait(new RecordApologySent("inc-1", userId, T0.plusSeconds(60)));
            commands.sendAndWait(new RecordIncidentCompensation("inc-1", userId, 100, T0.plusSeconds(120)));
        }

        assertThat(answer).isEqualTo("inc-1");
        assertThat(eventsOf("inc-1")).first().isInstanceOfSatisfying(
                IncidentDeclared.class, declared -> assertThat(declared.affectedUserIds()).containsExactly(
                        "u-1", "u-2", "u-3"));
        assertThat(eventsOf("inc-1")).last().isEqualTo(new IncidentClosed("inc-1", T0.plusSeconds(120)));
        assertThat(eventsOf("u-1")).hasSize(1);
    }

    @Test
    void aDeclarationNamesEveryUnknownUserAndChangesNothing() {
        register("u-1", null);

        assertThatThrownBy(() -> commands.sendAndWait(
                new DeclareIncident("inc-1", "Outage", Severity.LOW, Set.of("u-9", "u-1", "u-8"), T0)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("affectedUserIds");
                    assertThat(e.getMessage()).contains("[u-8, u-9]");
                });

        assertThat(eventsOf("inc-1")).isEmpty();
        assertThat(eventsOf("u-8")).isEmpty();
    }

    // snapshots

    @Test
    void aUserSnapshotHoldsTheWholeStateOfTheUser() {
        longHistoryOfUser1();

        DomainEventMessage<?> snapshot = storage.readSnapshot("u-1").orElseThrow();

        assertThat(snapshot.getPayload()).isInstanceOf(User.class)
                                         .usingRecursiveComparison()
                                         .isEqualTo(replay(User::new, "u-1", snapshot.getSequenceNumber()));
        assertThat(snapshot.getPayload()).extracting("loyalty.balance", LONG).isEqualTo(1_000L);
    }

    @Test
    void commandsAfterASnapshotSeeTheWholeHistory() {
        longHistoryOfUser1();
        assertThat(storage.readSnapshot("u-1")).isPresent();

        assertThat(commands.<Object>sendAndWait(new RecordPurchase("u-1", "o-1", AMOUNT, at(60), day(60))))
                .isEqualTo(PurchaseOutcome.ALREADY_RECORDED);
        assertThatThrownBy(() -> commands.sendAndWait(new RedeemPoints("u-1", 1_001, "voucher", "r-2", at(60))))
                .isInstanceOf(BusinessRuleViolation.class);
        commands.sendAndWait(new RedeemPoints("u-1", 1_000, "voucher", "r-2", at(60)));
    }

    @Test
    void anIncidentSnapshotHoldsTheWholeStateOfTheIncident() {
        List<String> affected = List.of("u-1", "u-2", "u-3", "u-4");
        affected.forEach(userId -> register(userId, null));
        commands.sendAndWait(new DeclareIncident("inc-1", "Outage", Severity.HIGH, Set.copyOf(affected), T0));
        affected.forEach(userId -> commands.sendAndWait(new RecordApologySent("inc-1", userId, T0)));
        commands.sendAndWait(new RecordIncidentCompensation("inc-1", "u-1", 100, T0));
        commands.sendAndWait(new RecordIncidentCompensation("inc-1", "u-2", 100, T0));

        DomainEventMessage<?> snapshot = storage.readSnapshot("inc-1").orElseThrow();

        assertThat(snapshot.getPayload()).isInstanceOf(Incident.class)
                                         .usingRecursiveComparison()
                                         .isEqualTo(replay(Incident::new, "inc-1", snapshot.getSequenceNumber()));
    }

    private void longHistoryOfUser1() {
        register("u-1", null);
        commands.sendAndWait(new ActivateUser("u-1", T0));
        commands.sendAndWait(new RecordPurchase("u-1", "o-1", AMOUNT, at(1), day(1)));
        commands.sendAndWait(new EarnPoints("u-1", 100, "order", "o-1", at(1), at(366)));
        commands.sendAndWait(new RedeemPoints("u-1", 30, "voucher", "r-1", at(2)));
        commands.sendAndWait(new ChangeConsents("u-1", new ChannelConsents(true, true, false), at(2)));
        commands.sendAndWait(new EarnPurchasePoints("u-1", "o-1", Money.of("1000.00", "CNY"), at(2)));
        commands.sendAndWait(new ExpirePoints("u-1", at(366)));
        commands.sendAndWait(new MarkUserDormant("u-1", at(40), DORMANCY));
        commands.sendAndWait(new EnterWakeUpCampaign("u-1", "wake-1", false, at(40)));
        commands.sendAndWait(ContactUser.on("u-1", "wake-1", "day-1", Channel.PUSH, null, at(41)));
        commands.sendAndWait(new RecordActivity("u-1", ActivityKind.LOGIN, at(42), day(42)));
        commands.sendAndWait(new RecordActivity("u-1", ActivityKind.VISIT, at(43), day(43)));
    }

    /** The aggregate as event sourcing without snapshots builds it, from its first event up to {@code sequence}. */
    private <A> A replay(Supplier<A> emptyAggregate, String aggregateId, long sequence) {
        A root = emptyAggregate.get();
        @SuppressWarnings("unchecked")
        Class<A> type = (Class<A>) root.getClass();
        EventSourcedAggregate<A> aggregate = EventSourcedAggregate.initialize(
                root, AnnotatedAggregateMetaModelFactory.inspectAggregate(type), null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(
                storage.readEvents(aggregateId, 0).asStream()
                       .filter(event -> event.getSequenceNumber() <= sequence)));
        return aggregate.getAggregateRoot();
    }
}
