package dev.userlifecycle.app.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.UserLifecycleApplication;
import dev.userlifecycle.app.benchmark.Traffic.Op;
import dev.userlifecycle.app.command.ConflictRetries;
import dev.userlifecycle.app.mongo.EmbeddedMongo;
import dev.userlifecycle.command.CommandSideModule;
import dev.userlifecycle.eventstore.EventStoreSerializers;
import dev.userlifecycle.eventstore.MongoEventStorageEngine;
import dev.userlifecycle.eventstore.benchmark.Figures;
import dev.userlifecycle.eventstore.benchmark.H2EventTableFactory;
import dev.userlifecycle.eventstore.benchmark.ThreadBoundJdbcTransactions;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Whole commands, end to end (issue 3, item 7): the {@code User} aggregate of {@link CommandSideModule} behind Axon's
 * {@link CommandGateway}, on our {@link MongoEventStorageEngine} (embedded mongo-java-server, memory backend) and,
 * as the peer, on Axon's {@link JdbcEventStorageEngine} over an H2 file database; then the real Spring Boot app over
 * HTTP at a fixed open-loop rate; and the raw driver's {@code insertOne} rate on the same embedded server as a
 * baseline. Each is measured near 10,000 and near 200,000 stored events, on the same users (the store grows with
 * other users' events in between). Prints one report; see {@code docs/benchmarks.md}.
 * <p>
 * Not a unit test (Surefire does not run it): {@code mvn -B -q -pl app -Pbenchmark test-compile exec:java}.
 * Settings are system properties {@code bench.*}, see {@link Settings}.
 */
public final class CommandBenchmark {

    static final String OURS = "ours";
    static final String JDBC_H2 = "jdbc-h2";
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private CommandBenchmark() {
    }

    // ------------------------------------------------------------------------------------------------- settings

    /** Every knob of a run, from system properties, with defaults sized for about 5 minutes on 2 cores. */
    record Settings(int users, int threads, long seed, double purchaseShare,
                    int warmupUsers, double warmupSeconds, long warmupStore, double idleWarmupSeconds,
                    int windowCommands, double windowSeconds,
                    int rewarmCommands, double rewarmSeconds, long largeStore, int fillBatch, int fillerEvents,
                    double httpRate, double httpSeconds, double httpClosedSeconds,
                    boolean httpIdempotencyKeys, long baselineInserts, double baselineSeconds, List<String> parts) {

        static final List<String> ALL_PARTS = List.of("gateway-ours", "gateway-jdbc", "http");

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.users", 5_000),
                    Integer.getInteger("bench.threads", 4),
                    Long.getLong("bench.seed", 42),
                    doubleProperty("bench.purchaseShare", 0.7),
                    Integer.getInteger("bench.warmupUsers", 2_000),
                    doubleProperty("bench.warmupSeconds", 16),
                    Long.getLong("bench.warmupStore", 50_000),
                    doubleProperty("bench.idleWarmupSeconds", 5),
                    Integer.getInteger("bench.windowCommands", 6_000),
                    doubleProperty("bench.windowSeconds", 20),
                    Integer.getInteger("bench.rewarmCommands", 1_000),
                    doubleProperty("bench.rewarmSeconds", 5),
                    Long.getLong("bench.events", 200_000),
                    Integer.getInteger("bench.fillBatch", 1_000),
                    Integer.getInteger("bench.fillerEvents", 20),
                    doubleProperty("bench.httpRate", 300),
                    doubleProperty("bench.httpSeconds", 20),
                    doubleProperty("bench.httpClosedSeconds", 8),
                    Boolean.getBoolean("bench.httpIdempotencyKeys"),
                    Long.getLong("bench.baselineInserts", 50_000),
                    doubleProperty("bench.baselineSeconds", 8),
                    List.of(System.getProperty("bench.parts", String.join(",", ALL_PARTS)).split("\\s*,\\s*")));
        }

        private static double doubleProperty(String name, double defaultValue) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() ? defaultValue : Double.parseDouble(value);
        }

        void validate() {
            if (users < 1 || threads < 1 || fillBatch < fillerEvents || fillerEvents < 2 || httpRate <= 0) {
                throw new IllegalArgumentException("Need bench.users, bench.threads >= 1, bench.fillerEvents >= 2, "
                                                           + "bench.fillBatch >= bench.fillerEvents, bench.httpRate > 0");
            }
            for (String part : parts) {
                if (!ALL_PARTS.contains(part)) {
                    throw new IllegalArgumentException("Unknown part in bench.parts: " + part + "; known: " + ALL_PARTS);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- results

    /** A measured run of commands (through the gateway or over HTTP). */
    record Window(long eventsBefore, long eventsAfter, int commands, int errors, String firstError, double seconds,
                  Histogram latency, double loadMicros, double appendMicros) {

        Window(long eventsBefore, long eventsAfter, int commands, int errors, String firstError, double seconds,
               Histogram latency) {
            this(eventsBefore, eventsAfter, commands, errors, firstError, seconds, latency, Double.NaN, Double.NaN);
        }

        /** This window with the engine's load and append time per command (from {@link CountingEngine}). */
        Window withEngineTime(long loadNanos, long appendNanos) {
            return new Window(eventsBefore, eventsAfter, commands, errors, firstError, seconds, latency,
                              loadNanos / 1e3 / commands, appendNanos / 1e3 / commands);
        }

        double perSecond() {
            return commands / seconds;
        }

        double micros(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e3;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** What the gateway part measured for one engine. */
    record GatewayResult(String engine, double setupPerSecond, Window early, double fillEventsPerSecond,
                         Window late) {
    }

    /** The HTTP part at one store size: the open-loop window and the closed-loop one. */
    record HttpResult(Window openLoop, double targetRate, Window closedLoop) {
    }

    /** The HTTP part: both store sizes, and the raw driver on the app's own embedded server. */
    record HttpRun(HttpResult[] sizes, Baseline baseline) {
    }

    /** The raw driver's insertOne on the embedded server, with one thread and with the client threads. */
    record Baseline(Window singleThread, Window parallelThreads, int threads) {

        double single() {
            return singleThread.perSecond();
        }

        double parallel() {
            return parallelThreads.perSecond();
        }
    }

    // ------------------------------------------------------------------------------------------------- main

    /**
     * Runs the benchmark and ends the JVM: some framework threads (Axon's event-store janitor) are not daemons and
     * would keep {@code exec:java} waiting after the report.
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    static void run() throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        settings.validate();
        long runStart = System.nanoTime();
        String header = header(settings);
        System.out.println(header);

        GatewayResult ours = null;
        GatewayResult jdbc = null;
        Baseline baseline = null;
        HttpRun http = null;
        if (settings.parts().contains("gateway-ours")) {
            try (TestMongo mongo = TestMongo.start()) {
                ours = gateway(OURS, database -> ours(mongo, database), settings);
                progress(OURS, "baseline: raw driver insertOne on the same embedded server");
                baseline = baseline(mongo.client(), settings);
            }
            pause();
        }
        if (settings.parts().contains("gateway-jdbc")) {
            Path directory = Files.createTempDirectory("command-bench-h2");
            try {
                jdbc = gateway(JDBC_H2, database -> jdbcH2(directory, database, settings.threads() + 4), settings);
            } finally {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            pause();
        }
        if (settings.parts().contains("http")) {
            http = http(settings);
            pause();
        }

        String report = report(settings, ours, jdbc, baseline, http == null ? null : http.sizes());
        System.out.println();
        System.out.println(header);
        System.out.println(report);
        System.out.printf("Total run time: %.0f s%n", (System.nanoTime() - runStart) / 1e9);
        figures(settings, ours, jdbc, baseline, http).writeIfAsked();
    }

    /**
     * The figures for the benchmark suite. Through the gateway the baseline is the raw driver's insertOne with as many
     * threads as the clients, on the same embedded server; over HTTP it is the raw driver on the app's own server:
     * one thread for the open loop's latency, the client threads for the closed loop's rate.
     */
    static Figures figures(Settings settings, GatewayResult ours, GatewayResult jdbc, Baseline baseline,
                           HttpRun http) {
        Figures figures = new Figures();
        String parallel = "insertOne of event-sized documents, " + settings.threads() + " threads";
        for (GatewayResult result : new GatewayResult[]{ours, jdbc}) {
            if (result == null) {
                continue;
            }
            boolean withBaseline = result == ours && baseline != null;
            String of = result == ours ? "" : " (peer: " + result.engine() + ")";
            for (Window window : new Window[]{result.early(), result.late()}) {
                String size = approx(window.eventsBefore());
                String key = "commands." + result.engine() + (window == result.early() ? ".small" : ".large");
                String where = "commands through the CommandGateway, " + settings.threads() + " threads, store at "
                               + size + " events" + of;
                figures.add(key + ".rate", where, "commands/s", Figures.Better.HIGHER, window.perSecond(),
                            withBaseline ? parallel : "", withBaseline ? baseline.parallel() : Double.NaN);
                for (int percentile : new int[]{50, 99}) {
                    figures.add(key + ".p" + percentile, "  latency p" + percentile + " of those", "ms",
                                Figures.Better.LOWER, window.millis(percentile), withBaseline ? parallel : "",
                                withBaseline ? baseline.parallelThreads().millis(percentile) : Double.NaN);
                }
            }
        }
        if (http != null) {
            Baseline onApp = http.baseline();
            String single = "insertOne of event-sized documents on the app's server, 1 thread";
            String threads = "insertOne on the app's server, " + settings.threads() + " threads";
            for (int i = 0; i < http.sizes().length; i++) {
                HttpResult result = http.sizes()[i];
                String key = "http." + (i == 0 ? "small" : "large");
                String size = approx(result.openLoop().eventsBefore());
                for (int percentile : new int[]{50, 99}) {
                    figures.add(key + ".open.p" + percentile, (percentile == 50 ? "commands over HTTP at "
                                        + String.format("%,.0f", result.targetRate()) + "/s (open loop), store at "
                                        + size + " events: latency p50" : "  latency p99 of those"), "ms",
                                Figures.Better.LOWER, result.openLoop().millis(percentile), single,
                                onApp.singleThread().millis(percentile));
                }
                figures.add(key + ".closed.rate", "commands over HTTP, closed loop, " + settings.threads()
                                    + " threads, store at " + size + " events", "requests/s", Figures.Better.HIGHER,
                            result.closedLoop().perSecond(), threads, onApp.parallel());
            }
        }
        return figures;
    }

    private static void pause() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    private static void progress(String part, String format, Object... args) {
        System.out.printf("[%tT %-8s] %s%n", System.currentTimeMillis(), part, String.format(format, args));
        System.out.flush();
    }

    // ------------------------------------------------------------------------------------------------- gateway

    /** An engine under test in a store of its own, with what it needs; closing it frees the store. */
    interface Store extends AutoCloseable {
        EventStorageEngine engine();

        /** The JDBC peer's transaction manager; null for ours, which uses none. */
        default ThreadBoundJdbcTransactions transactions() {
            return null;
        }

        @Override
        void close() throws Exception;
    }

    /** Opens the store of the given name (the warm-up's or the measured one) for one engine. */
    interface StoreFactory {
        Store open(String name) throws Exception;
    }

    /** Ours on the given database of the embedded server (defaults: Jackson, Axon's batch size 100). */
    static Store ours(TestMongo mongo, String database) {
        MongoDatabase db = mongo.client().getDatabase(database);
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().client(mongo.client()).database(db).build();
        return new Store() {
            public EventStorageEngine engine() { return engine; }
            public void close() { db.drop(); }
        };
    }

    /** Axon's JDBC engine on an H2 file database of the given name in {@code directory}, Jackson, BLOB payloads. */
    static Store jdbcH2(Path directory, String database, int connections) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve(database).toAbsolutePath());
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(connections);
        ThreadBoundJdbcTransactions transactions = new ThreadBoundJdbcTransactions(pool);
        Serializer jackson = EventStoreSerializers.jackson();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                                                              .connectionProvider(transactions)
                                                              .transactionManager(transactions)
                                                              .eventSerializer(jackson)
                                                              .snapshotSerializer(jackson)
                                                              .build();
        engine.createSchema(H2EventTableFactory.INSTANCE);
        return new Store() {
            public EventStorageEngine engine() { return engine; }
            public ThreadBoundJdbcTransactions transactions() { return transactions; }
            public void close() {
                try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (java.sql.SQLException ignored) {
                    // closed already
                }
                pool.dispose();
            }
        };
    }

    /** A running plain Axon configuration of the command side on one store. */
    record Axon(Configuration configuration, CommandGateway gateway, CountingEngine counted,
                ScheduledExecutorService retries) implements AutoCloseable {
        @Override
        public void close() {
            configuration.shutdown();
            retries.shutdownNow();
        }
    }

    /**
     * The plain Axon configuration of the command side on the given engine: Jackson everywhere, the gateway with the
     * application's bean validation and retry of lost optimistic-concurrency races, and for the JDBC peer its
     * transaction manager, so that a command's unit of work is one JDBC transaction.
     */
    static Axon axon(Store store) {
        CountingEngine counted = new CountingEngine(store.engine());
        ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, daemon("command-retry"));
        Serializer jackson = EventStoreSerializers.jackson();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureSerializer(c -> jackson)
                                                 .configureEventSerializer(c -> jackson)
                                                 .configureMessageSerializer(c -> jackson)
                                                 .configureEmbeddedEventStore(c -> counted)
                                                 .registerComponent(CommandGateway.class,
                                                                    c -> commandGateway(c.commandBus(), retries));
        if (store.transactions() != null) {
            ThreadBoundJdbcTransactions transactions = store.transactions();
            configurer.configureTransactionManager(c -> transactions);
        }
        new CommandSideModule(CommandSideModule.DEFAULT_SNAPSHOT_THRESHOLD, 50_000).configureModule(configurer);
        Configuration configuration = configurer.start();
        return new Axon(configuration, configuration.commandGateway(), counted, retries);
    }

    /**
     * The gateway part for one engine. First a warm-up on a scratch store (set-up, commands, a bulk fill, more
     * commands; then the store is dropped), so that the JIT has compiled every path before anything is measured; then
     * the measured store: set-up, a short warm-up, window 1, the fill with other users' histories, a re-warm,
     * window 2.
     */
    static GatewayResult gateway(String name, StoreFactory stores, Settings settings) throws Exception {
        double setupRate;
        try (Store scratch = stores.open("warmup"); Axon axon = axon(scratch)) {
            Traffic traffic = new Traffic("w", settings.warmupUsers(), settings.purchaseShare());
            progress(name, "JVM warm-up on a scratch store: %,d users, commands, a fill of %,d events",
                     settings.warmupUsers(), settings.warmupStore());
            setupRate = setUp(axon, traffic, settings);
            commands(axon, traffic, settings, 101, Integer.MAX_VALUE, settings.warmupSeconds() / 2);
            fill(scratch.engine(), axon.counted(), settings.warmupStore(), settings);
            commands(axon, traffic, settings, 102, Integer.MAX_VALUE, settings.warmupSeconds() / 2);
            idleWarmup(axon, traffic, settings, 103, settings.idleWarmupSeconds());
        }
        pause();
        try (Store store = stores.open("events"); Axon axon = axon(store)) {
            Traffic traffic = new Traffic("u", settings.users(), settings.purchaseShare());
            progress(name, "%,d users: their UserRegistered and UserActivated events, appended to the engine",
                     settings.users());
            appendSetUp(store.engine(), traffic, settings);
            axon.counted().add(2L * settings.users());
            commands(axon, traffic, settings, 1, settings.rewarmCommands(), settings.rewarmSeconds());
            idleWarmup(axon, traffic, settings, 5, Math.min(3, settings.idleWarmupSeconds()));
            pause();
            progress(name, "window 1 at %,d stored events", axon.counted().appended());
            Window early = commands(axon, traffic, settings, 2, settings.windowCommands(), settings.windowSeconds());
            progress(name, "window 1: %,.0f commands/s, p50 %,.0f us, p99 %,.0f us; filling to %,d events",
                     early.perSecond(), early.micros(50), early.micros(99), settings.largeStore());
            double fillRate = fill(store.engine(), axon.counted(), settings.largeStore(), settings);
            progress(name, "filled: %,.0f events/s; re-warm", fillRate);
            commands(axon, traffic, settings, 3, settings.rewarmCommands(), settings.rewarmSeconds());
            idleWarmup(axon, traffic, settings, 6, Math.min(3, settings.idleWarmupSeconds()));
            pause();
            progress(name, "window 2 at %,d stored events", axon.counted().appended());
            Window late = commands(axon, traffic, settings, 4, settings.windowCommands(), settings.windowSeconds());
            progress(name, "window 2: %,.0f commands/s, p50 %,.0f us, p99 %,.0f us", late.perSecond(),
                     late.micros(50), late.micros(99));
            return new GatewayResult(name, setupRate, early, fillRate, late);
        }
    }

    /**
     * Registers and activates the users of {@code traffic} by appending the events the two commands would record,
     * {@code fillBatch} events per call, like the fill that comes before window 2: so both windows follow the same
     * kind of work, and the JIT has settled on the same code before each.
     */
    static void appendSetUp(EventStorageEngine engine, Traffic traffic, Settings settings) {
        int usersPerBatch = Math.max(1, settings.fillBatch() / 2);
        for (int first = 0; first < traffic.users(); first += usersPerBatch) {
            List<org.axonframework.eventhandling.EventMessage<?>> batch = new ArrayList<>();
            for (int user = first; user < Math.min(traffic.users(), first + usersPerBatch); user++) {
                batch.addAll(traffic.registeredAndActivated(user));
            }
            engine.appendEvents(batch);
        }
    }

    /** Registers and activates every user of {@code traffic}; answers the commands per second. */
    private static double setUp(Axon axon, Traffic traffic, Settings settings) throws InterruptedException {
        Window registration = drive(settings.threads(), settings.seed(), traffic.users(), Double.MAX_VALUE,
                                    axon.counted()::appended, (thread, random, i) -> axon.gateway().sendAndWait(
                                            traffic.registration(i)), true);
        requireNoErrors("set-up", "registration", registration);
        Window activation = drive(settings.threads(), settings.seed(), traffic.users(), Double.MAX_VALUE,
                                  axon.counted()::appended, (thread, random, i) -> axon.gateway().sendAndWait(
                                          traffic.activation(i)), true);
        requireNoErrors("set-up", "activation", activation);
        return (registration.commands() + activation.commands()) / (registration.seconds() + activation.seconds());
    }

    /** The application's gateway: bean validation, and lost optimistic-concurrency races retried with back-off. */
    private static CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService retries) {
        DefaultCommandGateway gateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetries(retries, 12))
                .build();
        gateway.registerDispatchInterceptor(new BeanValidationInterceptor<>());
        return gateway;
    }

    private static Window commands(Axon axon, Traffic traffic, Settings settings, int phase, int maxCommands,
                                   double maxSeconds) throws InterruptedException {
        long load = axon.counted().loadNanos();
        long append = axon.counted().appendNanos();
        Window window = drive(settings.threads(), settings.seed() * 31 + phase, maxCommands, maxSeconds,
                              axon.counted()::appended,
                              (thread, random, i) -> axon.gateway().sendAndWait(traffic.next(random).command()),
                              false);
        return window.withEngineTime(axon.counted().loadNanos() - load, axon.counted().appendNanos() - append);
    }

    /**
     * Warms the JIT without growing the store: purchases sent again with their order id, which go all the way to the
     * aggregate's decision (load, handle) and record nothing.
     */
    private static void idleWarmup(Axon axon, Traffic traffic, Settings settings, int phase, double seconds)
            throws InterruptedException {
        if (seconds <= 0) {
            return;
        }
        long before = axon.counted().appended();
        Window idle = drive(settings.threads(), settings.seed() * 31 + phase, Integer.MAX_VALUE, seconds,
                            axon.counted()::appended, (thread, random, i) -> {
                                Op repeat = traffic.repeat(random);
                                axon.gateway().sendAndWait(repeat == null ? traffic.next(random).command()
                                                                   : repeat.command());
                            }, false);
        requireNoErrors("warm-up", "repeated purchases", idle);
        if (axon.counted().appended() - before > idle.commands() / 10) {
            throw new IllegalStateException("repeated purchases recorded events: "
                                                    + (axon.counted().appended() - before));
        }
    }

    /** One unit of client work: the {@code index}-th operation, done by {@code thread} with its own random. */
    interface Operation {
        void run(int thread, Random random, int index) throws Exception;
    }

    /**
     * Runs {@code maxCommands} operations (or as many as fit in {@code maxSeconds}) on {@code threads} threads, closed
     * loop, each thread with its own seeded random, and records the latency of every operation.
     */
    static Window drive(int threads, long seed, int maxCommands, double maxSeconds, LongSupplier storedEvents,
                        Operation operation, boolean stopOnError) throws InterruptedException {
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Histogram[] latencies = new Histogram[threads];
        int[] done = new int[threads];
        long eventsBefore = storedEvents.getAsLong();
        long start = System.nanoTime();
        long deadline = maxSeconds >= 1e9 ? Long.MAX_VALUE : start + (long) (maxSeconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            latencies[t] = new Histogram(MAX_LATENCY_NANOS, 3);
            Thread worker = new Thread(() -> {
                Random random = new Random(seed * 1_000_003 + thread);
                int index;
                while ((index = issued.getAndIncrement()) < maxCommands && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        operation.run(thread, random, index);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        if (stopOnError) {
                            return;
                        }
                    }
                    latencies[thread].recordValue(Math.min(System.nanoTime() - t0, MAX_LATENCY_NANOS));
                    done[thread]++;
                }
            }, "bench-client-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
        int commands = 0;
        for (int t = 0; t < threads; t++) {
            latency.add(latencies[t]);
            commands += done[t];
        }
        return new Window(eventsBefore, storedEvents.getAsLong(), commands, errors.get(), firstError.get(), seconds,
                          latency);
    }

    private static void requireNoErrors(String part, String what, Window window) {
        if (window.errors() > 0) {
            throw new IllegalStateException(part + ": " + what + " failed " + window.errors() + " times, first: "
                                                    + window.firstError());
        }
    }

    /**
     * Grows the store to {@code target} events with other users' histories, appended straight to the
     * engine in bulk ({@code fillBatch} events per call), so the benchmark's users are untouched.
     */
    static double fill(EventStorageEngine engine, CountingEngine counted, long target, Settings settings) {
        long start = System.nanoTime();
        long before = counted.appended();
        int fillerUser = 0;
        int usersPerBatch = Math.max(1, settings.fillBatch() / settings.fillerEvents());
        while (counted.appended() < target) {
            List<org.axonframework.eventhandling.EventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < usersPerBatch && counted.appended() + batch.size() < target; i++) {
                batch.addAll(Filler.history(fillerUser++, settings.fillerEvents()));
            }
            engine.appendEvents(batch);
            counted.add(batch.size());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return (counted.appended() - before) / seconds;
    }

    static ThreadFactoryWithName daemon(String name) {
        return new ThreadFactoryWithName(name);
    }

    /** Daemon threads with a name, so that nothing of the benchmark keeps the JVM alive. */
    static final class ThreadFactoryWithName implements java.util.concurrent.ThreadFactory {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();

        ThreadFactoryWithName(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    // ------------------------------------------------------------------------------------------------- baseline

    /**
     * The raw driver on the embedded server the gateway part used: {@code insertOne} of documents shaped like our
     * event documents (a {@code PurchaseMade}), one round trip each, first on one thread, then on the client threads.
     */
    static Baseline baseline(MongoClient client, Settings settings) throws InterruptedException {
        MongoDatabase database = client.getDatabase("baseline");
        MongoCollection<Document> warmup = database.getCollection("warmup");
        for (int i = 0; i < 2_000; i++) {
            warmup.insertOne(eventSizedDocument(i));
        }
        MongoCollection<Document> single = database.getCollection("single");
        Window one = drive(1, settings.seed(), (int) settings.baselineInserts(), settings.baselineSeconds(), () -> 0,
                           (thread, random, i) -> single.insertOne(eventSizedDocument(i)), true);
        MongoCollection<Document> parallel = database.getCollection("parallel");
        Window many = drive(settings.threads(), settings.seed(), (int) settings.baselineInserts(),
                            settings.baselineSeconds(), () -> 0,
                            (thread, random, i) -> parallel.insertOne(eventSizedDocument(i)), true);
        requireNoErrors("baseline", "insertOne", one);
        requireNoErrors("baseline", "insertOne", many);
        database.drop();
        return new Baseline(one, many, settings.threads());
    }

    private static Document eventSizedDocument(long i) {
        String userId = String.format("u-%06d", i % 10_000);
        return new Document("_id", i)
                .append("aggregateIdentifier", userId)
                .append("sequenceNumber", i / 10_000)
                .append("type", "User")
                .append("eventIdentifier", UUID.randomUUID().toString())
                .append("timestamp", "2026-01-05T01:00:00.000Z")
                .append("payloadType", "dev.userlifecycle.events.PurchaseMade")
                .append("payloadRevision", "1")
                .append("payload", "{\"userId\":\"" + userId + "\",\"orderId\":\"o-" + i + "\",\"amount\":{\"amount\":"
                        + "12.50,\"currency\":\"CNY\"},\"occurredAt\":\"2026-01-05T01:00:00Z\",\"firstPurchase\":false}")
                .append("metaData", "{}")
                .append("storedAt", new java.util.Date());
    }

    // ------------------------------------------------------------------------------------------------- http

    /**
     * The real application (all roles, embedded server in memory) on a random port: registers the users through its
     * gateway, then per store size a closed-loop warm-up, the open-loop window at {@code httpRate} and a closed-loop
     * window with the client threads; the store grows in between through the app's {@link EventStorageEngine}.
     */
    static HttpRun http(Settings settings) throws Exception {
        String part = "http";
        try (RunningApp app = RunningApp.start(settings)) {
            Traffic traffic = new Traffic("w", settings.warmupUsers(), settings.purchaseShare());
            progress(part, "JVM warm-up on a throwaway instance of the app: %,d users, requests, a fill of %,d events",
                     settings.warmupUsers(), settings.warmupStore());
            app.setUp(traffic, settings);
            app.closedLoop(traffic, settings, 101, settings.warmupSeconds() / 2);
            app.fill(settings.warmupStore(), settings);
            app.closedLoop(traffic, settings, 102, settings.warmupSeconds() / 2);
            app.idle(traffic, settings, 103, settings.idleWarmupSeconds());
        }
        pause();
        try (RunningApp app = RunningApp.start(settings)) {
            Traffic traffic = new Traffic("h", settings.users(), settings.purchaseShare());
            progress(part, "registering %,d users: their UserRegistered and UserActivated events, appended to the "
                    + "app's EventStorageEngine", settings.users());
            app.setUp(traffic, settings);
            HttpResult early = httpAtStoreSize(part, app, traffic, settings, 10);
            progress(part, "filling to %,d events through the app's EventStorageEngine", settings.largeStore());
            double fillRate = app.fill(settings.largeStore(), settings);
            progress(part, "filled: %,.0f events/s", fillRate);
            HttpResult late = httpAtStoreSize(part, app, traffic, settings, 20);
            progress(part, "baseline: raw driver insertOne on the app's embedded server");
            Baseline baseline = baseline(app.context().getBean(MongoClient.class), settings);
            return new HttpRun(new HttpResult[]{early, late}, baseline);
        }
    }

    /** The Spring Boot app on a random port with its own embedded server in memory, and a client for it. */
    record RunningApp(ConfigurableApplicationContext context, Http http, EventStorageEngine engine,
                      LongSupplier stored, ExecutorService clientExecutor) implements AutoCloseable {

        static RunningApp start(Settings settings) {
            progress("http", "starting the application");
            // command-line arguments: they win over application.yml (builder properties would only be defaults)
            ConfigurableApplicationContext context = new SpringApplicationBuilder(UserLifecycleApplication.class)
                    .run("--lifecycle.mongo.embedded.backend=memory",
                         "--lifecycle.mongo.uri=",
                         "--server.port=0",
                         "--logging.config=classpath:logback-benchmark.xml",
                         "--spring.main.banner-mode=off",
                         "--axoniq.update-checker.disabled=true",
                         TestApiKeys.ARGUMENT);
            if (context.getBean(EmbeddedMongo.class).writesToFile()) {
                context.close();
                throw new IllegalStateException("the app must run on the embedded server in memory");
            }
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ExecutorService clientExecutor = Executors.newFixedThreadPool(settings.threads(), daemon("http-client"));
            HttpClient client = HttpClient.newBuilder()
                                          .version(HttpClient.Version.HTTP_1_1)
                                          .connectTimeout(Duration.ofSeconds(10))
                                          .executor(clientExecutor)
                                          .build();
            MongoCollection<Document> events = context.getBean(MongoDatabase.class).getCollection("events");
            return new RunningApp(context, new Http(client, URI.create("http://127.0.0.1:" + port),
                                                    settings.httpIdempotencyKeys()),
                                  context.getBean(EventStorageEngine.class), events::countDocuments, clientExecutor);
        }

        /** Registers and activates the users by appending their events to the app's engine (not measured). */
        void setUp(Traffic traffic, Settings settings) {
            appendSetUp(engine, traffic, settings);
        }

        double fill(long target, Settings settings) {
            CountingEngine counter = new CountingEngine(engine);
            counter.add(stored.getAsLong());
            return CommandBenchmark.fill(engine, counter, target, settings);
        }

        Window closedLoop(Traffic traffic, Settings settings, int phase, double seconds) throws InterruptedException {
            return drive(settings.threads(), settings.seed() * 31 + phase, Integer.MAX_VALUE, seconds, stored,
                         (thread, random, i) -> http.sendAndCheck(traffic.next(random)), false);
        }

        Window closedLoop(Traffic traffic, Settings settings, int phase, int requests) throws InterruptedException {
            return drive(settings.threads(), settings.seed() * 31 + phase, requests, 60, () -> 0,
                         (thread, random, i) -> http.sendAndCheck(traffic.next(random)), false);
        }

        /** Purchases sent again: the whole path of a request, recording nothing. */
        Window idle(Traffic traffic, Settings settings, int phase, double seconds) throws InterruptedException {
            return drive(settings.threads(), settings.seed() * 31 + phase, Integer.MAX_VALUE, seconds, () -> 0,
                         (thread, random, i) -> {
                             Op repeat = traffic.repeat(random);
                             http.sendAndCheck(repeat == null ? traffic.next(random) : repeat);
                         }, false);
        }

        @Override
        public void close() {
            context.close();
            clientExecutor.shutdownNow();
        }
    }

    private static HttpResult httpAtStoreSize(String part, RunningApp app, Traffic traffic, Settings settings,
                                              int phase) throws Exception {
        progress(part, "warm-up: %,d requests, then %.0f s of repeated purchases (they record nothing)",
                 settings.rewarmCommands(), Math.min(3, settings.idleWarmupSeconds()));
        Window warmup = app.closedLoop(traffic, settings, phase + 3, settings.rewarmCommands());
        Window idle = app.idle(traffic, settings, phase + 4, Math.min(3, settings.idleWarmupSeconds()));
        for (Window window : new Window[]{warmup, idle}) {
            if (window.errors() > 0) {
                progress(part, "warm-up had %d errors, first: %s", window.errors(), window.firstError());
            }
        }
        Http http = app.http();
        LongSupplier stored = app.stored();
        pause();
        progress(part, "open loop: %.0f requests/s for %.0f s at %,d stored events", settings.httpRate(),
                 settings.httpSeconds(), stored.getAsLong());
        Window open = openLoop(http, traffic, new Random(settings.seed() * 31 + phase + 1), settings.httpRate(),
                               settings.httpSeconds(), stored);
        progress(part, "open loop: %,.0f requests/s achieved, p50 %.2f ms, p99 %.2f ms, p999 %.2f ms, %d errors",
                 open.perSecond(), open.millis(50), open.millis(99), open.millis(99.9), open.errors());
        Window closed = drive(settings.threads(), settings.seed() * 31 + phase + 2, Integer.MAX_VALUE,
                              settings.httpClosedSeconds(), stored,
                              (thread, random, i) -> http.sendAndCheck(traffic.next(random)), false);
        progress(part, "closed loop, %d threads: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms", settings.threads(),
                 closed.perSecond(), closed.millis(50), closed.millis(99));
        return new HttpResult(open, settings.httpRate(), closed);
    }

    /**
     * Sends requests at a fixed rate whatever the answers do (open loop): request {@code i} is due at
     * {@code start + i / rate}, and its latency counts from that due time, not from when it was actually sent, so a
     * slow answer that delays the sender is charged to every request it delays (no coordinated omission). The rate
     * achieved is the requests answered divided by the time from the first due time to the last answer.
     */
    static Window openLoop(Http http, Traffic traffic, Random random, double rate, double seconds,
                           LongSupplier stored) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        double periodNanos = 1e9 / rate;
        Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
        CountDownLatch answered = new CountDownLatch(total);
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastAnswer = new AtomicLong();
        long eventsBefore = stored.getAsLong();
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * periodNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Op op = traffic.next(random);
            http.sendAsync(op).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                synchronized (latency) {
                    latency.recordValue(Math.min(Math.max(0, now - due), MAX_LATENCY_NANOS));
                }
                String problem = failure != null ? failure.toString()
                        : response.statusCode() / 100 != 2 ? "HTTP " + response.statusCode() + " for " + op : null;
                if (problem != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, problem);
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                answered.countDown();
            });
        }
        if (!answered.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("open loop: " + answered.getCount() + " requests unanswered after 120 s");
        }
        double elapsed = (lastAnswer.get() - start) / 1e9;
        return new Window(eventsBefore, stored.getAsLong(), total - errors.get(), errors.get(), firstError.get(),
                          elapsed, latency);
    }

    /** The command API as a client sees it. */
    static final class Http {
        private final HttpClient client;
        private final URI base;
        private final boolean idempotencyKeys;

        Http(HttpClient client, URI base, boolean idempotencyKeys) {
            this.client = client;
            this.base = base;
            this.idempotencyKeys = idempotencyKeys;
        }

        HttpRequest request(Op op) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(op.path()))
                                                     .timeout(Duration.ofSeconds(60))
                                                     .header("Content-Type", "application/json")
                                                     .header("X-API-Key", TestApiKeys.EVERY_ROLE)
                                                     .POST(HttpRequest.BodyPublishers.ofString(op.json()));
            if (idempotencyKeys) {
                builder.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            return builder.build();
        }

        java.util.concurrent.CompletableFuture<HttpResponse<Void>> sendAsync(Op op) {
            return client.sendAsync(request(op), HttpResponse.BodyHandlers.discarding());
        }

        void sendAndCheck(Op op) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request(op), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " for " + op + ": "
                                                        + response.body());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- report

    static String header(Settings settings) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                "Whole-command benchmark (issue 3)%n"
                        + "  Machine:  %s %s, %d cores, CPU: %s%n"
                        + "  JVM:      %s %s (%s), max heap %,d MiB, GC: %s%n"
                        + "  Workload: %,d users registered and activated, then commands on random users, each on a later "
                        + "business day of its user:%n"
                        + "            %.0f%% RecordPurchase (new order id; records UserActiveOnDay + PurchaseMade), "
                        + "%.0f%% RecordActivity (records UserActiveOnDay)%n"
                        + "  Gateway:  %d client threads, sendAndWait; windows of %,d commands (at most %.0f s): one after "
                        + "set-up (~%,dk stored events), one after a fill to %,dk%n"
                        + "            (set-up: UserRegistered + UserActivated of each user appended to the engine, "
                        + "~%,d events per appendEvents, like the fill)%n"
                        + "            with other users' histories (%d events each, ~%,d events per appendEvents); "
                        + "before each window %,d commands + %.0f s of repeated purchases (record nothing);%n"
                        + "            JVM warm-up first on a scratch store (%,d users registered and activated through the "
                        + "gateway, %.0f s of commands, fill to %,dk)%n"
                        + "  HTTP:     the Spring Boot app (all roles, embedded server in memory), the same users "
                        + "(UserRegistered + UserActivated appended to its engine), the same commands as POST "
                        + "purchases/activities;%n"
                        + "            JVM warm-up first on a throwaway instance of the app; per store size: open loop "
                        + "%.0f requests/s for %.0f s, then closed loop %d threads for %.0f s%s",
                System.getProperty("os.name"), System.getProperty("os.arch"), runtime.availableProcessors(),
                cpuModel(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), runtime.maxMemory() / (1024 * 1024),
                String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                                                   .map(java.lang.management.GarbageCollectorMXBean::getName)
                                                   .toList()),
                settings.users(), settings.purchaseShare() * 100, (1 - settings.purchaseShare()) * 100,
                settings.threads(), settings.windowCommands(), settings.windowSeconds(),
                Math.round((2 * settings.users() + 1.7 * settings.rewarmCommands()) / 1000.0),
                settings.largeStore() / 1000, settings.fillBatch(), settings.fillerEvents(), settings.fillBatch(),
                settings.rewarmCommands(), Math.min(3, settings.idleWarmupSeconds()), settings.warmupUsers(),
                settings.warmupSeconds(), settings.warmupStore() / 1000, settings.httpRate(), settings.httpSeconds(),
                settings.threads(), settings.httpClosedSeconds(),
                settings.httpIdempotencyKeys() ? ", with Idempotency-Key" : "");
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String report(Settings settings, GatewayResult ours, GatewayResult jdbc, Baseline baseline,
                         HttpResult[] http) {
        StringBuilder out = new StringBuilder();
        String format = "| %-54s | %17s | %17s | %12s | %13s |%n";
        if (ours != null || jdbc != null) {
            out.append(String.format("Through the CommandGateway (%d client threads):%n", settings.threads()));
            out.append(String.format(format, "figure", OURS, JDBC_H2, "ours/jdbc-h2", "ours/baseline"));
            out.append("|").append("-".repeat(56)).append("|").append("-".repeat(19)).append("|")
               .append("-".repeat(19)).append("|").append("-".repeat(14)).append("|").append("-".repeat(15))
               .append("|\n");
            double base = baseline == null ? 0 : baseline.parallel();
            for (int w = 0; w < 2; w++) {
                boolean late = w == 1;
                Window o = ours == null ? null : late ? ours.late() : ours.early();
                Window j = jdbc == null ? null : late ? jdbc.late() : jdbc.early();
                String near = approx((o != null ? o : j).eventsBefore());
                row(out, format, "commands/s, store at " + near + " events (higher=better)", o, j,
                    Window::perSecond, "%,.0f", true, base);
                text(out, format, "  stored events during the window", o, j,
                     x -> String.format("%s-%s", kilo1(x.eventsBefore()), kilo1(x.eventsAfter())));
                text(out, format, "  commands (errors)", o, j,
                     x -> String.format("%,d (%d)", x.commands(), x.errors()));
                row(out, format, "  latency p50, us (lower=better)", o, j, x -> x.micros(50), "%,.0f", true, 0);
                row(out, format, "  latency p99, us (lower=better)", o, j, x -> x.micros(99), "%,.0f", true, 0);
                row(out, format, "  latency p999, us (lower=better)", o, j, x -> x.micros(99.9), "%,.0f", true, 0);
                row(out, format, "  latency mean, us", o, j, x -> x.latency().getMean() / 1e3, "%,.0f", true, 0);
                row(out, format, "  of which in the engine: load, us", o, j, Window::loadMicros, "%,.0f", true, 0);
                row(out, format, "  of which in the engine: append, us", o, j, Window::appendMicros, "%,.0f", true,
                    0);
            }
            String flatOurs = ours == null ? "" : String.format("%.2f", flat(ours));
            String flatJdbc = jdbc == null ? "" : String.format("%.2f", flat(jdbc));
            out.append(String.format(format, "rate at the large / the small store (flat=1.00)", flatOurs, flatJdbc,
                                     ours != null && jdbc != null ? ratio(flat(ours) / flat(jdbc)) : "", ""));
            out.append(String.format(format, "warm-up: RegisterUser + ActivateUser /s (not a target)",
                                     ours == null ? "" : String.format("%,.0f", ours.setupPerSecond()),
                                     jdbc == null ? "" : String.format("%,.0f", jdbc.setupPerSecond()),
                                     ours != null && jdbc != null
                                             ? ratio(ours.setupPerSecond() / jdbc.setupPerSecond()) : "", ""));
            out.append(String.format(format, "bulk fill events/s (not a target)",
                                     ours == null ? "" : String.format("%,.0f", ours.fillEventsPerSecond()),
                                     jdbc == null ? "" : String.format("%,.0f", jdbc.fillEventsPerSecond()),
                                     ours != null && jdbc != null
                                             ? ratio(ours.fillEventsPerSecond() / jdbc.fillEventsPerSecond())
                                             : "", ""));
        }
        if (baseline != null) {
            out.append(String.format(
                    "Baseline, raw driver insertOne of event-sized documents on ours' embedded server: %,.0f/s with 1 "
                            + "thread, %,.0f/s with %d threads (ours/baseline = ours' commands/s / the %d-thread "
                            + "rate)%n",
                    baseline.single(), baseline.parallel(), baseline.threads(), baseline.threads()));
        }
        if (http != null) {
            String httpFormat = "| %-52s | %17s | %17s |%n";
            out.append(String.format("%nThrough HTTP (ours: the Spring Boot app, embedded server in memory):%n"));
            out.append(String.format(httpFormat, "figure",
                                     "store at " + approx(http[0].openLoop().eventsBefore()),
                                     "store at " + approx(http[1].openLoop().eventsBefore())));
            out.append("|").append("-".repeat(54)).append("|").append("-".repeat(19)).append("|")
               .append("-".repeat(19)).append("|\n");
            HttpResult a = http[0];
            HttpResult b = http[1];
            out.append(String.format(httpFormat, "open loop: target requests/s",
                                     String.format("%,.0f", a.targetRate()), String.format("%,.0f", b.targetRate())));
            out.append(String.format(httpFormat, "  achieved requests/s (higher=better)",
                                     String.format("%,.0f", a.openLoop().perSecond()),
                                     String.format("%,.0f", b.openLoop().perSecond())));
            out.append(String.format(httpFormat, "  stored events during the window",
                                     kilo1(a.openLoop().eventsBefore()) + "-" + kilo1(a.openLoop().eventsAfter()),
                                     kilo1(b.openLoop().eventsBefore()) + "-" + kilo1(b.openLoop().eventsAfter())));
            out.append(String.format(httpFormat, "  requests answered 2xx (errors)",
                                     String.format("%,d (%d)", a.openLoop().commands(), a.openLoop().errors()),
                                     String.format("%,d (%d)", b.openLoop().commands(), b.openLoop().errors())));
            for (double p : new double[]{50, 99, 99.9, 100}) {
                out.append(String.format(httpFormat,
                                         "  latency " + (p == 100 ? "max" : "p" + percentile(p))
                                                 + " from the due time, ms (lower=better)",
                                         String.format("%.2f", a.openLoop().millis(p)),
                                         String.format("%.2f", b.openLoop().millis(p))));
            }
            out.append(String.format(httpFormat,
                                     "closed loop, " + settings.threads() + " threads: requests/s (higher=better)",
                                     String.format("%,.0f", a.closedLoop().perSecond()),
                                     String.format("%,.0f", b.closedLoop().perSecond())));
            out.append(String.format(httpFormat, "  latency p50 / p99, ms",
                                     String.format("%.2f / %.2f", a.closedLoop().millis(50),
                                                   a.closedLoop().millis(99)),
                                     String.format("%.2f / %.2f", b.closedLoop().millis(50),
                                                   b.closedLoop().millis(99))));
            out.append(String.format(httpFormat, "  errors", a.closedLoop().errors(), b.closedLoop().errors()));
            for (HttpResult r : http) {
                for (Window window : new Window[]{r.openLoop(), r.closedLoop()}) {
                    if (window.firstError() != null) {
                        out.append("  first HTTP error: ").append(window.firstError()).append('\n');
                    }
                }
            }
        }
        out.append(targets(settings, ours, jdbc, http));
        return out.toString();
    }

    private static String percentile(double p) {
        return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p).replace(".", "");
    }

    private static double flat(GatewayResult result) {
        return result.late().perSecond() / result.early().perSecond();
    }

    private static void row(StringBuilder out, String format, String label, Window ours, Window jdbc,
                            java.util.function.ToDoubleFunction<Window> figure, String valueFormat,
                            boolean peerRatio, double baseline) {
        String o = ours == null ? "" : String.format(valueFormat, figure.applyAsDouble(ours));
        String j = jdbc == null ? "" : String.format(valueFormat, figure.applyAsDouble(jdbc));
        String r = ours != null && jdbc != null && peerRatio
                ? ratio(figure.applyAsDouble(ours) / figure.applyAsDouble(jdbc)) : "";
        String b = ours != null && baseline > 0 ? ratio(figure.applyAsDouble(ours) / baseline) : "";
        out.append(String.format(format, label, o, j, r, b));
    }

    private static void text(StringBuilder out, String format, String label, Window ours, Window jdbc,
                             java.util.function.Function<Window, String> figure) {
        out.append(String.format(format, label, ours == null ? "" : figure.apply(ours),
                                 jdbc == null ? "" : figure.apply(jdbc), "", ""));
    }

    private static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value >= 10 ? String.format("%,.1f", value) : value >= 0.1 ? String.format("%.2f", value)
                : String.format("%.3f", value);
    }

    private static String kilo(long count) {
        return count % 1000 == 0 ? (count / 1000) + "k" : String.format("%,d", count);
    }

    private static String approx(long count) {
        return "~" + Math.round(count / 1000.0) + "k";
    }

    private static String kilo1(long count) {
        return String.format("%.1fk", count / 1000.0);
    }

    static String targets(Settings settings, GatewayResult ours, GatewayResult jdbc, HttpResult[] http) {
        StringBuilder out = new StringBuilder(String.format("%nTargets for ours:%n"));
        if (ours != null) {
            double early = ours.early().perSecond();
            double late = ours.late().perSecond();
            target(out, String.format(">= 1,000 commands/s through the CommandGateway with %d client threads: %,.0f "
                                              + "at the small store, %,.0f at the large", settings.threads(), early, late),
                   early >= 1000 && late >= 1000);
            target(out, String.format("rate at the large store >= 90%% of the rate at the small: %.0f%%", flat(ours) * 100),
                   flat(ours) >= 0.9);
            if (jdbc != null) {
                double r1 = early / jdbc.early().perSecond();
                double r2 = late / jdbc.late().perSecond();
                target(out, String.format("(goal) match or beat jdbc-h2 in the same run: %.2fx at the small store, "
                                                  + "%.2fx at the large", r1, r2), r1 >= 1 && r2 >= 1);
            }
        }
        if (http != null) {
            double p1 = http[0].openLoop().millis(99);
            double p2 = http[1].openLoop().millis(99);
            boolean rateHeld = http[0].openLoop().perSecond() >= 0.95 * http[0].targetRate()
                    && http[1].openLoop().perSecond() >= 0.95 * http[1].targetRate();
            target(out, String.format("HTTP at %.0f commands/s: p99 < 25 ms: %.2f ms at the small store, %.2f ms at the large%s",
                                      settings.httpRate(), p1, p2, rateHeld ? "" : " (rate not held)"),
                   p1 < 25 && p2 < 25 && rateHeld && http[0].openLoop().errors() == 0
                           && http[1].openLoop().errors() == 0);
        }
        return out.toString();
    }

    private static void target(StringBuilder out, String text, boolean met) {
        out.append(String.format("  [%s] %s%n", met ? "MET " : "MISS", text));
    }
}
