package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.app.UserLifecycleApplication;
import dev.userlifecycle.app.mongo.EmbeddedMongo;
import dev.userlifecycle.eventstore.benchmark.Figures;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.incidents.IncidentProjection;
import dev.userlifecycle.query.points.PointsLedgerProjection;
import dev.userlifecycle.query.profile.UserProfileProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Do the projections keep up with the command side? The real application (all roles, embedded server in memory)
 * takes purchases and activities through its {@link CommandGateway} from several threads as fast as it can, while a
 * sampler notes every 50 ms the event store's head and the position of every streaming processor. The lag of a
 * sample is how long ago the head was where a processor is now. The target is the read models' (the slowest of the
 * four projections); the sagas and the loyalty policy, which send a command for many of the events they see, are
 * reported beside them, and every processor on its own. The baseline, in the same process: the same commands with
 * every processor stopped, so the ratio shows what following the events costs the commands.
 * <pre>MAVEN_OPTS=-Xmx4g mvn -B -q -pl app -Pbenchmark test-compile exec:java \
 *     -Dexec.mainClass=dev.userlifecycle.app.benchmark.ProjectionLagBenchmark [-Dbench.lag.commands=200000]</pre>
 */
public final class ProjectionLagBenchmark {

    private static final int USERS = Integer.getInteger("bench.lag.users", 10_000);
    private static final int COMMANDS = Integer.getInteger("bench.lag.commands", 200_000);
    private static final int THREADS = Integer.getInteger("bench.lag.threads", 4);
    private static final long SAMPLE_MILLIS = 50;
    /** The processors that keep read models; the others (sagas, the loyalty policy) react by sending commands. */
    private static final Set<String> READ_MODELS = Set.of(UserProfileProjection.PROCESSING_GROUP,
                                                          UserFactsProjection.PROCESSING_GROUP,
                                                          PointsLedgerProjection.PROCESSING_GROUP,
                                                          IncidentProjection.PROCESSING_GROUP);

    private ProjectionLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // the checker reads a system property, not the Spring environment, and there is no internet here
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(UserLifecycleApplication.class)
                .run("--lifecycle.mongo.embedded.backend=memory", "--lifecycle.mongo.uri=", "--server.port=0",
                     "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            if (app.getBean(EmbeddedMongo.class).writesToFile()) {
                throw new IllegalStateException("the benchmark runs on the embedded server in memory");
            }
            CommandGateway gateway = app.getBean(CommandGateway.class);
            ProjectionCatchUp catchUp = new ProjectionCatchUp(app.getBean(EventProcessingConfiguration.class),
                                                              app.getBean(EventStore.class));
            List<StreamingEventProcessor> processors = List.copyOf(catchUp.processors().values());
            Traffic traffic = new Traffic("lag", USERS, 0.7);
            System.out.printf("Projection lag: %,d users, %,d commands per window, %d threads, processors %s%n",
                              USERS, COMMANDS, THREADS, processors.stream().map(StreamingEventProcessor::getName).toList());
            drive(THREADS, USERS, user -> {
                gateway.sendAndWait(traffic.registration(user));
                gateway.sendAndWait(traffic.activation(user));
            });
            catchUp.await(Duration.ofMinutes(10));

            drive(THREADS, COMMANDS / 4, i -> gateway.sendAndWait(traffic.next(new Random(i)).command()));
            catchUp.await(Duration.ofMinutes(10));

            processors.forEach(StreamingEventProcessor::shutDown);
            long baselineStart = System.nanoTime();
            drive(THREADS, COMMANDS, i -> gateway.sendAndWait(traffic.next(new Random(31L * i)).command()));
            double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
            processors.forEach(StreamingEventProcessor::start);
            catchUp.await(Duration.ofMinutes(10));

            long eventsBefore = catchUp.head();
            Sampler sampler = new Sampler(catchUp);
            Thread sampling = new Thread(sampler, "lag-sampler");
            sampling.setDaemon(true);
            sampling.start();
            long start = System.nanoTime();
            drive(THREADS, COMMANDS, i -> gateway.sendAndWait(traffic.next(new Random(17L * i + 5)).command()));
            double seconds = (System.nanoTime() - start) / 1e9;
            long drainStart = System.nanoTime();
            catchUp.await(Duration.ofMinutes(10));
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            sampler.stop();
            sampling.join();
            long events = catchUp.head() - eventsBefore;

            long[] lags = sampler.slowestLagsMillis(READ_MODELS::contains);
            long[] reactorLags = sampler.slowestLagsMillis(name -> !READ_MODELS.contains(name));
            System.out.printf("%n| figure | value |%n| --- | --- |%n");
            System.out.printf("| commands/s without projections (baseline) | %,.0f |%n", COMMANDS / baselineSeconds);
            System.out.printf("| commands/s with projections following | %,.0f (%.2fx the baseline) |%n",
                              COMMANDS / seconds, baselineSeconds / seconds);
            System.out.printf("| events/s appended while measured | %,.0f |%n", events / seconds);
            System.out.printf("| lag of the slowest read-model projection, p50 / p99 / max | %d / %d / %d ms |%n",
                              percentile(lags, 50), percentile(lags, 99), percentile(lags, 100));
            System.out.printf("| lag of the slowest saga or policy, p50 / p99 / max | %d / %d / %d ms |%n",
                              percentile(reactorLags, 50), percentile(reactorLags, 99), percentile(reactorLags, 100));
            System.out.printf("| most events behind | %,d |%n", sampler.mostBehind());
            System.out.printf("| caught up after the last command | %.2f s |%n", drainSeconds);
            System.out.printf("%n| processor | lag p50 / p99 / max |%n| --- | --- |%n");
            for (String processor : sampler.processors()) {
                long[] own = sampler.lagsMillis(processor);
                System.out.printf("| %s | %d / %d / %d ms |%n", processor, percentile(own, 50), percentile(own, 99),
                                  percentile(own, 100));
            }
            System.out.printf("%nTarget: read models' lag under 2 s while commands run: %s%n",
                              percentile(lags, 100) < 2_000 ? "met" : "MISSED");
            new Figures()
                    .add("lag.rate", String.format("commands through the CommandGateway, %d threads, %,d users, with "
                                                   + "the projections following", THREADS, USERS),
                         "commands/s", Figures.Better.HIGHER, COMMANDS / seconds,
                         "the same commands with the projection processors shut down", COMMANDS / baselineSeconds)
                    .add("lag.p99", "  lag of the slowest read-model projection meanwhile, p99", "ms",
                         Figures.Better.LOWER, percentile(lags, 99))
                    .add("lag.max", "  lag of the slowest read-model projection meanwhile, max", "ms",
                         Figures.Better.LOWER, percentile(lags, 100))
                    .add("lag.reactors.max", "  lag of the slowest saga or policy meanwhile, max", "ms",
                         Figures.Better.LOWER, percentile(reactorLags, 100))
                    .writeIfAsked();
        }
        System.exit(0);
    }

    interface Work {
        void run(int index) throws Exception;
    }

    private static void drive(int threads, int count, Work work) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            work.run(i);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "lag-client-" + t);
            thread.start();
        }
        done.await();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + count + " commands failed");
        }
    }

    private static long percentile(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Samples the head and every processor's position; a sample's lag is how long ago the head was at a position. */
    private static final class Sampler implements Runnable {

        private record Sample(long nanos, long head, Map<String, Long> positions) {

            long slowest(Predicate<String> among) {
                return positions.entrySet().stream().filter(entry -> among.test(entry.getKey()))
                                .mapToLong(Map.Entry::getValue).min().orElse(-1);
            }
        }

        private final ProjectionCatchUp catchUp;
        private final List<Sample> samples = new ArrayList<>();
        private volatile boolean running = true;

        Sampler(ProjectionCatchUp catchUp) {
            this.catchUp = catchUp;
        }

        @Override
        public void run() {
            while (running) {
                long now = System.nanoTime();
                long head = catchUp.head();
                Map<String, Long> positions = catchUp.positions();
                synchronized (samples) {
                    samples.add(new Sample(now, head, positions));
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        long mostBehind() {
            synchronized (samples) {
                return samples.stream().mapToLong(s -> Math.max(0, s.head() - s.slowest(READ_MODELS::contains)))
                              .max().orElse(0);
            }
        }

        Set<String> processors() {
            synchronized (samples) {
                return samples.isEmpty() ? Set.of() : new TreeSet<>(samples.get(0).positions().keySet());
            }
        }

        /** The lags of the slowest of the processors named, sorted. */
        long[] slowestLagsMillis(Predicate<String> among) {
            return lagsMillis(sample -> sample.slowest(among));
        }

        /** The lags of one processor, sorted. */
        long[] lagsMillis(String processor) {
            return lagsMillis(sample -> sample.positions().getOrDefault(processor, -1L));
        }

        private long[] lagsMillis(ToLongFunction<Sample> position) {
            synchronized (samples) {
                long[] lags = new long[samples.size()];
                for (int i = 0; i < samples.size(); i++) {
                    Sample sample = samples.get(i);
                    long processed = position.applyAsLong(sample);
                    int first = 0;
                    while (first < i && samples.get(first).head() < processed) {
                        first++;
                    }
                    long since = processed >= sample.head() ? sample.nanos() : samples.get(first).nanos();
                    lags[i] = (sample.nanos() - since) / 1_000_000;
                }
                Arrays.sort(lags);
                return lags;
            }
        }
    }
}
