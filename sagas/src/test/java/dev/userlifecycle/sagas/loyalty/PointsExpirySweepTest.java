package dev.userlifecycle.sagas.loyalty;

import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.ExpirePoints;
import dev.userlifecycle.events.FindPointsExpiryCandidates;
import dev.userlifecycle.events.PointsExpiryCandidates;
import dev.userlifecycle.events.PointsExpiryOutcome;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.sagas.CommandOrigin;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.userlifecycle.events.LoyaltyTier.BRONZE;
import static dev.userlifecycle.events.LoyaltyTier.GOLD;
import static dev.userlifecycle.events.LoyaltyTier.SILVER;
import static org.assertj.core.api.Assertions.assertThat;

/** The sweep against a fake points ledger and a fake user aggregate, through Axon's local buses and gateways. */
class PointsExpirySweepTest {

    private static final Instant AS_OF = Instant.parse("2027-03-01T18:00:00Z");
    private static final CommandOrigin ORIGIN = CommandOrigin.scheduledSweep(PointsExpirySweep.NAME);

    private final TreeSet<String> candidates = new TreeSet<>();
    private final Map<String, PointsExpiryOutcome> outcomes = new HashMap<>();
    private final List<FindPointsExpiryCandidates> queries = new ArrayList<>();
    private final List<ExpirePoints> commands = new ArrayList<>();
    private final List<MetaData> metaData = new ArrayList<>();
    private PointsExpirySweep sweep;

    @BeforeEach
    void buses() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindPointsExpiryCandidates.class.getName(), PointsExpiryCandidates.class,
                           message -> page((FindPointsExpiryCandidates) message.getPayload()));
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.subscribe(ExpirePoints.class.getName(), message -> {
            metaData.add(message.getMetaData());
            return expire((ExpirePoints) message.getPayload());
        });
        sweep = new PointsExpirySweep(DefaultQueryGateway.builder().queryBus(queryBus).build(),
                                      DefaultCommandGateway.builder().commandBus(commandBus).build(), 2);
    }

    @Test
    void everyCandidateOfEveryPageIsSentExpirePointsAsOfTheSweep() {
        for (String userId : List.of("u-a", "u-b", "u-c", "u-d", "u-e")) {
            candidates.add(userId);
            outcomes.put(userId, new PointsExpiryOutcome(10, BRONZE, BRONZE));
        }

        PointsExpirySweepReport report = sweep.sweep(AS_OF, ORIGIN);

        assertThat(commands).containsExactly(new ExpirePoints("u-a", AS_OF), new ExpirePoints("u-b", AS_OF),
                                             new ExpirePoints("u-c", AS_OF), new ExpirePoints("u-d", AS_OF),
                                             new ExpirePoints("u-e", AS_OF));
        assertThat(queries).extracting(FindPointsExpiryCandidates::afterUserId).containsExactly(null, "u-b", "u-d");
        assertThat(queries).allSatisfy(query -> assertThat(query.limit()).isEqualTo(2));
        assertThat(report).isEqualTo(new PointsExpirySweepReport(AS_OF, 5, 5, 50, 0, 0, 0));
    }

    @Test
    void theReportCountsExpiriesDowngradesUnchangedAccountsAndFailures() {
        candidates.addAll(Set.of("u-expired", "u-downgraded", "u-both", "u-unchanged", "u-unknown"));
        outcomes.put("u-expired", new PointsExpiryOutcome(30, SILVER, SILVER));
        outcomes.put("u-downgraded", new PointsExpiryOutcome(0, SILVER, BRONZE));
        outcomes.put("u-both", new PointsExpiryOutcome(700, GOLD, SILVER));
        outcomes.put("u-unchanged", new PointsExpiryOutcome(0, GOLD, GOLD));

        PointsExpirySweepReport report = sweep.sweep(AS_OF, ORIGIN);

        assertThat(report).isEqualTo(new PointsExpirySweepReport(AS_OF, 5, 2, 730, 2, 1, 1));
    }

    @Test
    void withoutCandidatesNothingIsSent() {
        assertThat(sweep.sweep(AS_OF, ORIGIN)).isEqualTo(new PointsExpirySweepReport(AS_OF, 0, 0, 0, 0, 0, 0));
        assertThat(commands).isEmpty();
        assertThat(queries).hasSize(1);
    }

    @Test
    void theControllerSweepsAsOfTheGivenTimeOrTheClocksNow() {
        Instant now = Instant.parse("2027-03-02T02:00:00Z");
        PointsExpirySweepController controller = new PointsExpirySweepController(sweep,
                                                                                 Clock.fixed(now, ZoneOffset.UTC));

        assertThat(controller.sweep(null, null).asOf()).isEqualTo(now);
        assertThat(controller.sweep(new PointsExpirySweepRequest(null), null).asOf()).isEqualTo(now);
        assertThat(controller.sweep(new PointsExpirySweepRequest(AS_OF), null).asOf()).isEqualTo(AS_OF);
    }

    @Test
    void aScheduledRunIsTheSweepsAndARequestedOneIsTheRequesters() {
        candidates.add("u-a");
        outcomes.put("u-a", new PointsExpiryOutcome(10, BRONZE, BRONZE));
        PointsExpirySweepController controller = new PointsExpirySweepController(sweep, Clock.systemUTC());

        sweep.sweep(AS_OF, ORIGIN);
        controller.sweep(new PointsExpirySweepRequest(AS_OF), () -> "ops-admin");

        assertThat(metaData).hasSize(2);
        assertThat(metaData.get(0)).containsEntry(AuditMetadata.PRINCIPAL, "sweep:points-expiry")
                                   .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SWEEP)
                                   .containsEntry(AuditMetadata.CORRELATION_ID, ORIGIN.correlationId());
        assertThat(metaData.get(1)).containsEntry(AuditMetadata.PRINCIPAL, "ops-admin")
                                   .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SWEEP)
                                   .as("the request's correlation id is the application's to fill in")
                                   .doesNotContainKey(AuditMetadata.CORRELATION_ID);
    }

    private PointsExpiryCandidates page(FindPointsExpiryCandidates query) {
        queries.add(query);
        Set<String> after = query.afterUserId() == null ? candidates : candidates.tailSet(query.afterUserId(), false);
        List<String> ids = after.stream().limit(query.limit()).toList();
        return new PointsExpiryCandidates(ids, ids.size() == after.size());
    }

    private PointsExpiryOutcome expire(ExpirePoints command) {
        commands.add(command);
        PointsExpiryOutcome outcome = outcomes.get(command.userId());
        if (outcome == null) {
            throw new UnknownUserException(command.userId());
        }
        return outcome;
    }
}
