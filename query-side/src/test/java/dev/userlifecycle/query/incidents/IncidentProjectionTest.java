package dev.userlifecycle.query.incidents;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userlifecycle.events.FindIncident;
import dev.userlifecycle.events.FindIncidents;
import dev.userlifecycle.events.IncidentApologySent;
import dev.userlifecycle.events.IncidentClosed;
import dev.userlifecycle.events.IncidentCompensationRecorded;
import dev.userlifecycle.events.IncidentDeclared;
import dev.userlifecycle.events.IncidentMilestone;
import dev.userlifecycle.events.IncidentMilestoneMissed;
import dev.userlifecycle.events.IncidentMilestoneReached;
import dev.userlifecycle.events.IncidentStatus;
import dev.userlifecycle.events.IncidentView;
import dev.userlifecycle.events.Severity;
import dev.userlifecycle.query.analytics.ChurnReader;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.rebuild.Generations;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.retention.WinBackFacts;
import dev.userlifecycle.query.store.ReadModels;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident projection and its queries without Spring or Axon's processors, on an embedded MongoDB. */
class IncidentProjectionTest {

    private static final Instant DECLARED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant APOLOGY_DUE = DECLARED.plus(Duration.ofHours(2));
    private static final Instant COMPENSATION_DUE = DECLARED.plus(Duration.ofHours(24));

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private IncidentProjection projection;
    private IncidentQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("test");
        ReadModels readModels = new Generations(database);
        projection = new IncidentProjection(readModels);
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        queries = new IncidentQueries(readModels, new ChurnReader(readModels, clock, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDeclaredIncidentIsOpenWithItsDeadlinesAndPendingMilestones() {
        declare("inc-1", DECLARED, "ann", "bob");

        IncidentView incident = incident("inc-1");

        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.title()).isEqualTo("Payment outage");
        assertThat(incident.severity()).isEqualTo(Severity.HIGH);
        assertThat(incident.declaredAt()).isEqualTo(DECLARED);
        assertThat(incident.affectedUsers()).isEqualTo(2);
        assertThat(incident.apology()).isEqualTo(new IncidentView.Milestone(APOLOGY_DUE, null, null, null));
        assertThat(incident.compensation()).isEqualTo(new IncidentView.Milestone(COMPENSATION_DUE, null, null, null));
        assertThat(incident.closedAt()).isNull();
    }

    @Test
    void apologiesAndCompensationsCountUntilBothMilestonesAreReachedOneOnTimeOneLate() {
        declare("inc-1", DECLARED, "ann", "bob");
        Instant apologised = DECLARED.plus(Duration.ofHours(1));
        projection.on(new IncidentApologySent("inc-1", "ann", apologised.minusSeconds(60)), 1);
        projection.on(new IncidentApologySent("inc-1", "bob", apologised), 2);
        projection.on(new IncidentMilestoneReached("inc-1", IncidentMilestone.APOLOGY, APOLOGY_DUE, apologised, true),
                      3);
        projection.on(new IncidentCompensationRecorded("inc-1", "ann", 100, DECLARED.plus(Duration.ofHours(5))), 4);
        Instant missed = COMPENSATION_DUE.plusSeconds(1);
        projection.on(new IncidentMilestoneMissed("inc-1", IncidentMilestone.COMPENSATION, COMPENSATION_DUE, missed),
                      5);
        Instant late = COMPENSATION_DUE.plus(Duration.ofHours(3));
        projection.on(new IncidentCompensationRecorded("inc-1", "bob", 150, late), 6);
        projection.on(new IncidentMilestoneReached("inc-1", IncidentMilestone.COMPENSATION, COMPENSATION_DUE, late,
                                                   false), 7);
        projection.on(new IncidentClosed("inc-1", late), 8);

        IncidentView incident = incident("inc-1");

        assertThat(incident.apologised()).isEqualTo(2);
        assertThat(incident.compensated()).isEqualTo(2);
        assertThat(incident.compensationPoints()).isEqualTo(250);
        assertThat(incident.apology()).isEqualTo(new IncidentView.Milestone(APOLOGY_DUE, apologised, true, null));
        assertThat(incident.compensation()).isEqualTo(new IncidentView.Milestone(COMPENSATION_DUE, late, false,
                                                                                 missed));
        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.closedAt()).isEqualTo(late);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        declare("inc-1", DECLARED, "ann", "bob");
        IncidentCompensationRecorded compensation = new IncidentCompensationRecorded("inc-1", "ann", 100, DECLARED);
        projection.on(compensation, 1);
        Document before = database.getCollection(IncidentProjection.COLLECTION).find().first();

        projection.on(compensation, 1);
        declare("inc-1", DECLARED, "ann", "bob");

        assertThat(database.getCollection(IncidentProjection.COLLECTION).find().first()).isEqualTo(before);
        assertThat(incident("inc-1").compensationPoints()).isEqualTo(100);
    }

    @Test
    void theListHoldsTheIncidentsOfAStatusLatestDeclaredFirstWithoutChurn() {
        declare("inc-old", DECLARED, "ann");
        declare("inc-new", DECLARED.plus(Duration.ofDays(3)), "bob");
        declare("inc-done", DECLARED.plus(Duration.ofDays(1)), "cleo");
        projection.on(new IncidentClosed("inc-done", DECLARED.plus(Duration.ofDays(2))), 5);

        assertThat(queries.handle(new FindIncidents(IncidentStatus.OPEN)).incidents())
                .extracting(IncidentView::incidentId).containsExactly("inc-new", "inc-old");
        assertThat(queries.handle(new FindIncidents(IncidentStatus.CLOSED)).incidents())
                .extracting(IncidentView::incidentId).containsExactly("inc-done");
        assertThat(queries.handle(new FindIncidents(null)).incidents())
                .hasSize(3).allSatisfy(incident -> assertThat(incident.churn()).isNull());
    }

    @Test
    void anUnknownIncidentHasNoView() {
        assertThat(queries.handle(new FindIncident("nothing"))).isEmpty();
    }

    @Test
    void theChurnComparisonReadsTheAffectedUsersDormanciesFromTheirFacts() {
        int declaredDay = (int) LocalDate.of(2026, 3, 1).toEpochDay();
        storeFacts("ann", declaredDay - 40, declaredDay + 12);
        storeFacts("bob", declaredDay - 40, declaredDay + 31);
        declare("inc-1", DECLARED, "ann", "bob", "cleo");

        IncidentView.ChurnComparison churn = incident("inc-1").churn();

        assertThat(churn.affected()).as("ann; bob too late, cleo without facts yet")
                                    .isEqualTo(new IncidentView.Group(3, 1, new BigDecimal("0.3333")));
        assertThat(churn.unaffected()).isEqualTo(new IncidentView.Group(0, 0, null));
        assertThat(churn.difference()).isNull();
        assertThat(churn.windowEndsAt()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(churn.windowClosed()).isTrue();
    }

    private void storeFacts(String userId, int registeredDay, int dormancyDay) {
        UserFacts registration = new UserFacts(userId, registeredDay, UserFacts.NONE, new int[]{registeredDay},
                                               new int[0], new long[0], null);
        WinBackFacts winBack = new WinBackFacts(userId, registeredDay, new int[]{dormancyDay}, List.of());
        database.getCollection(StoredFacts.COLLECTION)
                .insertOne(StoredFacts.of(registration, UserFacts.NONE, winBack, 3).toDocument());
    }

    private void declare(String incidentId, Instant at, String... userIds) {
        projection.on(new IncidentDeclared(incidentId, "Payment outage", Severity.HIGH, Set.of(userIds), at,
                                           at.plus(Duration.ofHours(2)), at.plus(Duration.ofHours(24))), 0);
    }

    private IncidentView incident(String incidentId) {
        return queries.handle(new FindIncident(incidentId)).orElseThrow();
    }
}
