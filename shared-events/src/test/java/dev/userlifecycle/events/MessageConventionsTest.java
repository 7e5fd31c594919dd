package dev.userlifecycle.events;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MessageConventionsTest {

    private static final Set<Class<?>> VALUE_RECORDS = Set.of(
            Money.class, AcquisitionChannel.class, Contact.class, ChannelConsents.class, LifecycleError.class,
            FrequencyCap.class, OutreachDecision.class, LoyaltyProgram.class, PersonalDataErasure.class);
    private static final Set<Class<?>> QUERIES_AND_VIEWS = Set.of(
            FindUserProfile.class, UserProfile.class, ProfileRfm.class,
            FindRetention.class, RetentionTable.class, RetentionRow.class, FindLifecycle.class, LifecycleView.class,
            LifecycleView.LifecycleCounts.class, FindKpis.class, GrowthKpis.class,
            FindLatestLayeringRun.class, FindLayeringRun.class, FindLayeringRuns.class, FindUserLayers.class,
            FindLayerTransitions.class, LayerTransitions.class,
            FindUserLayerAt.class, LayeringRun.class, LayeringRunSummary.class, LayeringRunParameters.class,
            LayerShare.class, LayeringCluster.class, LayeringFeatures.class, RfmDistribution.class, UserLayer.class,
            UserLayerHistory.class, FindDormancyCandidates.class, DormancyCandidates.class, FindPointsLedger.class,
            PointsLedger.class, PointsLedgerEntry.class, FindWakeUpFunnel.class, WakeUpFunnel.class,
            WakeUpFunnel.Treatment.class, WakeUpFunnel.Holdout.class, WakeUpFunnel.Lift.class, FindIncident.class,
            FindIncidents.class, IncidentList.class, IncidentView.class, IncidentView.Milestone.class,
            IncidentView.ChurnComparison.class, IncidentView.Group.class,
            FindPointsExpiryCandidates.class, PointsExpiryCandidates.class, PointsExpiryOutcome.class);

    @Test
    void everyRecordIsACommandAnEventAQueryOrAViewOrAKnownValueType() {
        List<Class<?>> unclassified = Examples.publishedTypes().stream()
                                              .filter(Class::isRecord)
                                              .filter(type -> !Examples.commandTypes().contains(type))
                                              .filter(type -> !Examples.eventTypes().contains(type))
                                              .filter(type -> !VALUE_RECORDS.contains(type))
                                              .filter(type -> !QUERIES_AND_VIEWS.contains(type))
                                              .toList();

        assertThat(unclassified).as("records that are no command, event, query, view or known value type")
                                .isEmpty();
    }

    @Test
    void everyEventHasARevisionAndABusinessTime() {
        assertThat(Examples.eventTypes()).hasSize(25).allSatisfy(type -> {
            assertThat(type.getAnnotation(Revision.class)).as("@Revision on %s", type.getSimpleName())
                                                          .isNotNull()
                                                          .extracting(Revision::value).isEqualTo("1");
            assertThat(components(type)).as("components of %s", type.getSimpleName())
                                        .anyMatch(c -> c.getName().equals("occurredAt")
                                                && c.getType() == Instant.class);
        });
    }

    @Test
    void everyCommandNamesItsTargetAggregate() {
        assertThat(Examples.commandTypes()).hasSize(21).allSatisfy(type -> {
            List<RecordComponent> targets = components(type).stream()
                                                            .filter(c -> c.getAccessor().isAnnotationPresent(
                                                                    TargetAggregateIdentifier.class))
                                                            .toList();
            String expected = UserCommand.class.isAssignableFrom(type) ? "userId" : "incidentId";
            assertThat(targets).as("@TargetAggregateIdentifier of %s", type.getSimpleName())
                               .singleElement()
                               .extracting(RecordComponent::getName).isEqualTo(expected);
        });
    }

    @Test
    void theExamplesCoverEveryCommandAndEvent() {
        assertThat(Examples.commands()).extracting(Object::getClass)
                                       .containsExactlyInAnyOrderElementsOf(Examples.commandTypes());
        assertThat(Examples.events()).extracting(Object::getClass)
                                     .containsExactlyInAnyOrderElementsOf(Examples.eventTypes());
    }

    @Test
    void personalDataIsCarriedOnlyByEventsOfAUser() {
        List<Class<?>> withPersonalData = Examples.eventTypes().stream()
                                                  .filter(type -> components(type).stream().anyMatch(
                                                          MessageConventionsTest::isPersonal))
                                                  .toList();

        assertThat(withPersonalData).containsExactly(UserRegistered.class)
                                    .allSatisfy(type -> assertThat(UserEvent.class).isAssignableFrom(type));
    }

    private static boolean isPersonal(RecordComponent component) {
        return component.isAnnotationPresent(PersonalData.class)
                || component.getType().isAnnotationPresent(PersonalData.class);
    }

    private static List<RecordComponent> components(Class<?> type) {
        return Arrays.asList(type.getRecordComponents());
    }
}
