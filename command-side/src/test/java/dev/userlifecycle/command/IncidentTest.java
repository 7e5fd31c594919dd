package dev.userlifecycle.command;

import dev.userlifecycle.events.DeclareIncident;
import dev.userlifecycle.events.IncidentAlreadyExistsException;
import dev.userlifecycle.events.IncidentApologySent;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentCompensationRecorded;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.IncidentMilestoneMissed;
import dev.userlifecycle.events.IncidentMilestoneReached;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.RecordApologySent;
import dev.userlifecycle.events.RecordIncidentCompensation;
import dev.userlifecycle.events.RecordMilestoneMissed;
import dev.userlifecycle.events.Severity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static dev.userlifecycle.command.Timeline.T0;
import static dev.userlifecycle.command.Timeline.registered;
import static dev.userlifecycle.command.Timeline.violationOf;

/**
 * The incident's milestones. Declaration needs the users' streams too: here one user from a second fixture, many
 * users in {@link CommandSideModuleTest}.
 */
class IncidentTest {

    private static final String INCIDENT = "inc-1";
    private static final Instant APOLOGY_DUE = T0.plus(Duration.ofHours(2));
    private static final Instant COMPENSATION_DUE = T0.plus(Duration.ofHours(24));

    private FixtureConfiguration<Incident> fixture;
    private FixtureConfiguration<User> users;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        users = new AggregateTestFixture<>(User.class);
        fixture.registerAnnotatedCommandHandler(new IncidentDeclarationHandler(users.getRepository(),
                                                                               fixture.getRepository()));
    }

    private static IncidentDeclared declared(String... userIds) {
        return new IncidentDeclared(INCIDENT, "Payment outage", Severity.HIGH, Set.of(userIds), T0, APOLOGY_DUE,
                                    COMPENSATION_DUE);
    }

    private static Instant hours(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static IncidentApologySent apologised(String userId, int hours) {
        return new IncidentApologySent(INCIDENT, userId, hours(hours));
    }

    private static IncidentCompensationRecorded compensated(String userId, int hours) {
        return new IncidentCompensationRecorded(INCIDENT, userId, 200, hours(hours));
    }

    // declaration

    @Test
    void incidentIsDeclaredWithItsDeadlines() {
        users.given(registered("u-1"));

        fixture.givenNoPriorActivity()
               .when(new DeclareIncident(INCIDENT, "Payment outage", Severity.HIGH, Set.of("u-1"), T0))
               .expectEvents(declared("u-1"))
               .expectResultMessagePayload(INCIDENT);
    }

    @Test
    void declarationWithAnUnknownUserIsRejected() {
        users.givenNoPriorActivity();

        fixture.givenNoPriorActivity()
               .when(new DeclareIncident(INCIDENT, "Payment outage", Severity.HIGH, Set.of("u-9"), T0))
               .expectException(violationOf("affectedUserIds"))
               .expectNoEvents();
    }

    @Test
    void anIncidentIsDeclaredOnlyOnce() {
        users.given(registered("u-1"));

        fixture.given(declared("u-1"))
               .when(new DeclareIncident(INCIDENT, "Payment outage", Severity.HIGH, Set.of("u-1"), T0))
               .expectException(IncidentAlreadyExistsException.class)
               .expectNoEvents();
    }

    // apologies

    @Test
    void apologyToAnAffectedUserIsRecorded() {
        fixture.given(declared("u-1", "u-2"))
               .when(new RecordApologySent(INCIDENT, "u-1", hours(1)))
               .expectEvents(apologised("u-1", 1));
    }

    @Test
    void apologyToAnUnaffectedUserIsRejected() {
        fixture.given(declared("u-1", "u-2"))
               .when(new RecordApologySent(INCIDENT, "u-3", hours(1)))
               .expectException(violationOf("userId"))
               .expectNoEvents();
    }

    @Test
    void repeatedApologyRecordsNothing() {
        fixture.given(declared("u-1", "u-2"), apologised("u-1", 1))
               .when(new RecordApologySent(INCIDENT, "u-1", hours(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void apologyMilestoneIsReachedWithTheLastApology() {
        fixture.given(declared("u-1", "u-2"), apologised("u-1", 1))
               .when(new RecordApologySent(INCIDENT, "u-2", hours(2)))
               .expectEvents(apologised("u-2", 2),
                             new IncidentMilestoneReached(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, hours(2),
                                                          true));
    }

    @Test
    void lateApologyMilestoneIsReachedButNotMet() {
        fixture.given(declared("u-1"))
               .when(new RecordApologySent(INCIDENT, "u-1", hours(3)))
               .expectEvents(apologised("u-1", 3),
                             new IncidentMilestoneReached(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, hours(3),
                                                          false));
    }

    // compensation

    @Test
    void compensationOfAnAffectedUserIsRecorded() {
        fixture.given(declared("u-1", "u-2"))
               .when(new RecordIncidentCompensation(INCIDENT, "u-2", 200, hours(5)))
               .expectEvents(compensated("u-2", 5));
    }

    @Test
    void compensationOfAnUnaffectedUserIsRejected() {
        fixture.given(declared("u-1"))
               .when(new RecordIncidentCompensation(INCIDENT, "u-3", 200, hours(5)))
               .expectException(violationOf("userId"))
               .expectNoEvents();
    }

    @Test
    void compensationWithoutPointsIsRejected() {
        fixture.given(declared("u-1"))
               .when(new RecordIncidentCompensation(INCIDENT, "u-1", 0, hours(5)))
               .expectException(violationOf("points"))
               .expectNoEvents();
    }

    @Test
    void repeatedCompensationRecordsNothing() {
        fixture.given(declared("u-1", "u-2"), compensated("u-1", 5))
               .when(new RecordIncidentCompensation(INCIDENT, "u-1", 200, hours(6)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void compensationMilestoneIsReachedWithTheLastCompensation() {
        fixture.given(declared("u-1", "u-2"), compensated("u-1", 5))
               .when(new RecordIncidentCompensation(INCIDENT, "u-2", 200, hours(6)))
               .expectEvents(compensated("u-2", 6),
                             new IncidentMilestoneReached(INCIDENT, IncidentMilestone.COMPENSATION, COMPENSATION_DUE,
                                                          hours(6), true));
    }

    @Test
    void incidentClosesWhenEveryAffectedUserHasApologyAndCompensation() {
        fixture.given(declared("u-1"), apologised("u-1", 1),
                      new IncidentMilestoneReached(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, hours(1), true))
               .when(new RecordIncidentCompensation(INCIDENT, "u-1", 200, hours(30)))
               .expectEvents(compensated("u-1", 30),
                             new IncidentMilestoneReached(INCIDENT, IncidentMilestone.COMPENSATION, COMPENSATION_DUE,
                                                          hours(30), false),
                             new IncidentClosed(INCIDENT, hours(30)));
    }

    // deadlines

    @Test
    void apologyMilestoneMissedWhenDeadlinePasses() {
        fixture.given(declared("u-1", "u-2"), apologised("u-1", 1))
               .when(new RecordMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE))
               .expectEvents(new IncidentMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE,
                                                         APOLOGY_DUE));
    }

    @Test
    void compensationMilestoneMissedWhenDeadlinePasses() {
        fixture.given(declared("u-1"))
               .when(new RecordMilestoneMissed(INCIDENT, IncidentMilestone.COMPENSATION, hours(25)))
               .expectEvents(new IncidentMilestoneMissed(INCIDENT, IncidentMilestone.COMPENSATION, COMPENSATION_DUE,
                                                         hours(25)));
    }

    @Test
    void milestoneIsNotMissedBeforeItIsDue() {
        fixture.given(declared("u-1"))
               .when(new RecordMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, hours(1)))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void reachedMilestoneIsNotMissed() {
        fixture.given(declared("u-1"), apologised("u-1", 1),
                      new IncidentMilestoneReached(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, hours(1), true))
               .when(new RecordMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void milestoneIsMissedOnlyOnce() {
        fixture.given(declared("u-1"),
                      new IncidentMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, APOLOGY_DUE))
               .when(new RecordMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, hours(3)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void missedMilestoneCanStillBeReachedLate() {
        fixture.given(declared("u-1"),
                      new IncidentMilestoneMissed(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, APOLOGY_DUE))
               .when(new RecordApologySent(INCIDENT, "u-1", hours(3)))
               .expectEvents(apologised("u-1", 3),
                             new IncidentMilestoneReached(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, hours(3),
                                                          false));
    }

    // after closing

    private Object[] closedIncident() {
        return new Object[]{
                declared("u-1"), apologised("u-1", 1),
                new IncidentMilestoneReached(INCIDENT, IncidentMilestone.APOLOGY, APOLOGY_DUE, hours(1), true),
                compensated("u-1", 5),
                new IncidentMilestoneReached(INCIDENT, IncidentMilestone.COMPENSATION, COMPENSATION_DUE, hours(5),
                                             true),
                new IncidentClosed(INCIDENT, hours(5))};
    }

    @Test
    void closedIncidentAcceptsNoApology() {
        fixture.given(closedIncident())
               .when(new RecordApologySent(INCIDENT, "u-1", hours(6)))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void closedIncidentAcceptsNoCompensation() {
        fixture.given(closedIncident())
               .when(new RecordIncidentCompensation(INCIDENT, "u-1", 200, hours(6)))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }

    @Test
    void closedIncidentAcceptsNoMissedMilestone() {
        fixture.given(closedIncident())
               .when(new RecordMilestoneMissed(INCIDENT, IncidentMilestone.COMPENSATION, hours(25)))
               .expectException(InvalidTransitionException.class)
               .expectNoEvents();
    }
}
