package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.UserLifecycleApplication;
import dev.userlifecycle.app.cdnow.CdnowHistory;
import dev.userlifecycle.app.importing.CdnowLines;
import dev.userlifecycle.app.importing.ImportCheckpoints;
import dev.userlifecycle.app.importing.ImportFormat;
import dev.userlifecycle.app.importing.ImportOptions;
import dev.userlifecycle.app.importing.ImportProgress;
import dev.userlifecycle.app.importing.ImportReport;
import dev.userlifecycle.app.importing.ImportSource;
import dev.userlifecycle.app.importing.Importer;
import dev.userlifecycle.app.mongo.EmbeddedMongo;
import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.UserProfile;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.rebuild.ProjectionRebuilds;
import dev.userlifecycle.query.rebuild.ReadModel;
import dev.userlifecycle.query.rebuild.RebuildProgress;
import dev.userlifecycle.query.rebuild.RebuildState;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How fast is a rebuild? The real application (command and query roles, embedded server in memory) takes the CDNOW
 * history through its command side; once the projections are at the head, each projection is rebuilt in turn, then
 * all four at once, with the default batch size, while a reader keeps asking for profiles (every answer must be
 * there). Reported per rebuild: the events of the store, the time from start to switch, events per second, and the
 * speed the rebuild itself reported.
 * <pre>mvn -B -q -pl app -am test-compile -DskipTests
 * java -Xmx4g -cp app/target/test-classes:app/target/classes:...  dev.userlifecycle.app.benchmark.RebuildBenchmark</pre>
 * (or with {@code -Pbenchmark exec:java -Dexec.mainClass=...} once the modules are installed).
 */
public final class RebuildBenchmark {

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(UserLifecycleApplication.class)
                .run("--lifecycle.mongo.embedded.backend=memory", "--lifecycle.mongo.uri=", "--server.port=0",
                     "--lifecycle.roles=command,query", "--lifecycle.currency=USD",
                     "--logging.level.root=WARN", "--spring.main.banner-mode=off", TestApiKeys.ARGUMENT)) {
            if (app.getBean(EmbeddedMongo.class).writesToFile()) {
                throw new IllegalStateException("the benchmark runs on the embedded server in memory");
            }
            ProjectionCatchUp catchUp = new ProjectionCatchUp(app.getBean(EventProcessingConfiguration.class),
                                                              app.getBean(EventStore.class));
            catchUp.pause();
            ImportReport imported = new Importer(app.getBean(CommandGateway.class),
                                                 app.getBean(ImportCheckpoints.class), app.getBean(ZoneId.class), 4,
                                                 100, Duration.ofSeconds(1), null)
                    .run(ImportSource.classpath(CdnowHistory.RESOURCE),
                         new ImportOptions(ImportFormat.CDNOW, "USD", false), new ImportProgress());
            catchUp.resume();
            long head = catchUp.await(Duration.ofMinutes(10));
            app.getBean(AnalyticsStore.class).flush();
            System.out.printf("CDNOW: %s; %,d events in the store%n", imported.summary(), head);

            ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
            Reader reader = new Reader(app.getBean(QueryGateway.class));
            Thread reading = new Thread(reader, "profile-reader");
            reading.setDaemon(true);
            reading.start();
            for (ReadModel model : ReadModel.values()) {
                report(List.of(model), rebuilds, head);
            }
            report(List.of(ReadModel.values()), rebuilds, head);
            reader.stop.set(true);
            reading.join();
            System.out.printf("profile reads during the rebuilds: %,d, missing answers: %,d%n", reader.reads,
                              reader.missing);
        }
    }

    private static void report(List<ReadModel> models, ProjectionRebuilds rebuilds, long head)
            throws InterruptedException {
        long start = System.nanoTime();
        models.forEach(model -> rebuilds.start(model.projection()));
        List<RebuildProgress> done = new ArrayList<>();
        for (ReadModel model : models) {
            RebuildProgress progress = rebuilds.progress(model.projection());
            while (progress.state() != RebuildState.COMPLETED) {
                if (progress.state() == RebuildState.FAILED) {
                    throw new IllegalStateException("rebuild failed: " + progress.error());
                }
                Thread.sleep(100);
                progress = rebuilds.progress(model.projection());
            }
            done.add(progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rebuild of %s: %,d events in %.1f s, %,.0f events/s (reported: %s)%n",
                          models.size() == 1 ? models.get(0).projection() : "all four at once", head, seconds,
                          head / seconds, done.stream().map(p -> p.projection() + " " + p.eventsPerSecond()).toList());
    }

    /** Asks for a few CDNOW customers' profiles over and over; each must be found. */
    private static final class Reader implements Runnable {

        private final QueryGateway queries;
        private final AtomicBoolean stop = new AtomicBoolean();
        private long reads;
        private long missing;

        Reader(QueryGateway queries) {
            this.queries = queries;
        }

        @Override
        public void run() {
            String[] customers = {"00001", "00455", "08022", "15000", "23570"};
            while (!stop.get()) {
                String userId = CdnowLines.userId(customers[(int) (reads % customers.length)]);
                Optional<UserProfile> profile = queries.query(new FindUserProfile(userId),
                                                              ResponseTypes.optionalInstanceOf(UserProfile.class))
                                                       .join();
                reads++;
                missing += profile.isEmpty() ? 1 : 0;
            }
        }
    }
}
