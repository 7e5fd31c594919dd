package dev.userlifecycle.sagas.dormancy;

import dev.userlifecycle.events.AuditMetadata;
import dev.userlifecycle.events.DormancyCandidates;
import dev.userlifecycle.events.FindDormancyCandidates;
import dev.userlifecycle.events.InvalidTransitionException;
import dev.userlifecycle.events.MarkUserDormant;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.sagas.CommandOrigin;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep against a fake read model and a fake user aggregate, through Axon's local buses and gateways. */
class DormancySweepTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T02:30:00Z");
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final CommandOrigin ORIGIN = CommandOrigin.scheduledSweep(DormancySweep.NAME);

    private final TreeSet<String> candidates = new TreeSet<>();
    private final List<FindDormancyCandidates> queries = new ArrayList<>();
    private final List<MarkUserDormant> commands = new ArrayList<>();
    private final List<MetaData> metaData = new ArrayList<>();
    private final Set<String> activeAgain = new TreeSet<>();
    private final Set<String> unknown = new TreeSet<>();
    private DormancySweep sweep;

    @BeforeEach
    void buses() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindDormancyCandidates.class.getName(), DormancyCandidates.class,
                           message -> page((FindDormancyCandidates) message.getPayload()));
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.subscribe(MarkUserDormant.class.getName(),
                             message -> {
                                 metaData.add(message.getMetaData());
                                 return markDormant((MarkUserDormant) message.getPayload());
                             });
        sweep = new DormancySweep(DefaultQueryGateway.builder().queryBus(queryBus).build(),
                                  DefaultCommandGateway.builder().commandBus(commandBus).build(), PERIOD, 2);
    }

    @Test
    void everyCandidateOfEveryPageIsSentMarkUserDormantAsOfTheSweep() {
        candidates.addAll(List.of("u-a", "u-b", "u-c", "u-d", "u-e"));

        DormancySweepReport report = sweep.sweep(AS_OF, ORIGIN);

        assertThat(commands).extracting(MarkUserDormant::userId).containsExactly("u-a", "u-b", "u-c", "u-d", "u-e");
        assertThat(commands).allSatisfy(command -> {
            assertThat(command.asOf()).isEqualTo(AS_OF);
            assertThat(command.dormancyPeriod()).isEqualTo(PERIOD);
        });
        assertThat(queries).extracting(FindDormancyCandidates::afterUserId).containsExactly(null, "u-b", "u-d");
        assertThat(queries).allSatisfy(query -> assertThat(query.limit()).isEqualTo(2));
        assertThat(report).isEqualTo(new DormancySweepReport(AS_OF, PERIOD, 5, 5, 0, 0));
    }

    @Test
    void everyCommandOfAScheduledRunIsTheSweepsAndSharesOneCorrelationId() {
        candidates.addAll(List.of("u-a", "u-b", "u-c"));

        sweep.sweep(AS_OF, ORIGIN);

        assertThat(metaData).hasSize(3).allSatisfy(data -> assertThat(data)
                .containsEntry(AuditMetadata.PRINCIPAL, "sweep:dormancy")
                .containsEntry(AuditMetadata.SOURCE, AuditMetadata.SWEEP)
                .containsEntry(AuditMetadata.CORRELATION_ID, ORIGIN.correlationId()));
    }

    @Test
    void aCandidateTheAggregateRefusesIsSkippedAndAnyOtherFailureCounted() {
        candidates.addAll(List.of("u-a", "u-b", "u-c"));
        activeAgain.add("u-b");
        unknown.add("u-c");

        DormancySweepReport report = sweep.sweep(AS_OF, ORIGIN);

        assertThat(commands).extracting(MarkUserDormant::userId).containsExactly("u-a", "u-b", "u-c");
        assertThat(report).isEqualTo(new DormancySweepReport(AS_OF, PERIOD, 3, 1, 1, 1));
    }

    @Test
    void withoutCandidatesNothingIsSent() {
        assertThat(sweep.sweep(AS_OF, ORIGIN)).isEqualTo(new DormancySweepReport(AS_OF, PERIOD, 0, 0, 0, 0));
        assertThat(commands).isEmpty();
        assertThat(queries).hasSize(1);
    }

    private DormancyCandidates page(FindDormancyCandidates query) {
        queries.add(query);
        Set<String> after = query.afterUserId() == null ? candidates : candidates.tailSet(query.afterUserId(), false);
        List<String> ids = after.stream().limit(query.limit()).toList();
        return new DormancyCandidates(ids, ids.size() == after.size());
    }

    private Object markDormant(MarkUserDormant command) {
        commands.add(command);
        if (activeAgain.contains(command.userId())) {
            throw new InvalidTransitionException("user '" + command.userId() + "' was active since");
        }
        if (unknown.contains(command.userId())) {
            throw new UnknownUserException(command.userId());
        }
        return null;
    }
}
