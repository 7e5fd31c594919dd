package dev.userlifecycle.query.layers;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.userlifecycle.events.LayeringRun;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.query.layering.Layering;
import dev.userlifecycle.query.layering.LayeringParameters;
import dev.userlifecycle.query.layering.LayeringResult;
import dev.userlifecycle.query.layering.UserFeatures;
import dev.userlifecycle.query.store.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs layering over every user's stored facts as of a business time and stores the run and every user's place in
 * it. One run at a time, across processes ({@link RunLease}).
 */
public class LayeringRuns {

    private static final Logger logger = LoggerFactory.getLogger(LayeringRuns.class);

    private final MongoDatabase database;
    private final Clock clock;
    private final ZoneId zone;
    private final LayeringParameters defaults;
    private final FactsReader facts;
    private final RunLease lease;
    private final RunRegistry registry;

    /**
     * @param clock    the service's clock: the default business time of a run, and its start and finish
     * @param zone     the platform's time zone, which turns {@code asOf} into the day of the features
     * @param defaults the parameters of a run that does not choose its own {@code k}
     */
    public LayeringRuns(ReadModels readModels, Clock clock, ZoneId zone, LayeringParameters defaults) {
        this.database = readModels.database();
        this.clock = clock;
        this.zone = zone;
        this.defaults = defaults;
        this.facts = new FactsReader(readModels);
        this.lease = new RunLease(database);
        this.registry = new RunRegistry(database);
    }

    /**
     * Runs and stores layering as of {@code asOf} (the clock's now when {@code null}) into {@code k} clusters (the
     * default when {@code null}).
     *
     * @throws LayeringRunInProgressException   while another run goes on
     * @throws TooFewUsersForLayeringException  with fewer users registered by {@code asOf}'s day than {@code k}
     */
    public LayeringRun run(Instant asOf, Integer k, LayeringTrigger trigger) {
        LayeringParameters parameters = k == null ? defaults : defaults.withK(k);
        Instant businessTime = asOf == null ? clock.instant() : asOf;
        String runId = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        if (!lease.acquire(runId, startedAt)) {
            throw new LayeringRunInProgressException(lease.holder().orElse("?"));
        }
        try {
            return runHoldingLease(runId, businessTime, parameters, trigger, startedAt);
        } finally {
            lease.release(runId);
        }
    }

    private LayeringRun runHoldingLease(String runId, Instant asOf, LayeringParameters parameters,
                                        LayeringTrigger trigger, Instant startedAt) {
        long start = System.nanoTime();
        LocalDate asOfDay = LocalDate.ofInstant(asOf, zone);
        List<UserFeatures> users = facts.featuresAsOf((int) asOfDay.toEpochDay());
        if (users.size() < parameters.k()) {
            throw new TooFewUsersForLayeringException(parameters.k(), users.size(), asOfDay);
        }
        long read = System.nanoTime();
        LayeringResult result = Layering.run(users, parameters);
        long computed = System.nanoTime();

        Map<String, UserFeatures> byId = new HashMap<>(users.size() * 2);
        users.forEach(user -> byId.put(user.userId(), user));
        database.getCollection(LayeringCollections.ASSIGNMENTS)
                .insertMany(AssignmentChunks.of(runId, asOf, asOfDay, result, byId),
                            new InsertManyOptions().ordered(false));
        LayeringRun run = new LayeringRun(runId, asOf, asOfDay, trigger, startedAt, clock.instant(),
                                          (System.nanoTime() - start) / 1_000_000,
                                          RunReport.parameters(parameters), users.size(), result.iterations(),
                                          result.converged(), RunReport.layers(result), RunReport.clusters(result),
                                          RunReport.rfm(result));
        database.getCollection(LayeringCollections.RUNS).insertOne(RunDocuments.toDocument(run));
        registry.add(RunDocuments.summary(run));
        long stored = System.nanoTime();
        logger.info("Layering run {} as of {} ({}): {} users, read {} ms, computed {} ms, stored {} ms",
                    runId, asOf, trigger.code(), users.size(), (read - start) / 1_000_000,
                    (computed - read) / 1_000_000, (stored - computed) / 1_000_000);
        return run;
    }
}
