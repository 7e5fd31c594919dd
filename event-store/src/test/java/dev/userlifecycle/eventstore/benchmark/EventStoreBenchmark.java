package dev.userlifecycle.eventstore.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.userlifecycle.eventstore.EventStoreSerializers;
import dev.userlifecycle.eventstore.MongoEventStorageEngine;
import dev.userlifecycle.eventstore.testing.TestMongo;
import org.HdrHistogram.Histogram;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares our {@link MongoEventStorageEngine} with two peers under one workload, in one JVM, one engine after the
 * other:
 * <ul>
 *     <li>{@code ours}: {@link MongoEventStorageEngine} on the embedded MongoDB wire-protocol server (memory backend);</li>
 *     <li>{@code axon-mongo}: the Axon Mongo extension's engine on its own embedded server;</li>
 *     <li>{@code jdbc-h2}: Axon's {@link JdbcEventStorageEngine} on an H2 file database in a temporary directory.</li>
 * </ul>
 * The workload is whole commands: load one aggregate (every payload deserialized), append one event with the next
 * sequence number. See {@code docs/benchmarks.md}. Not a unit test: run it with
 * {@code mvn -B -q -pl event-store -Pbenchmark test-compile exec:java}. Settings are system properties
 * ({@code bench.*}, see {@link Settings}).
 */
public final class EventStoreBenchmark {

    static final String OURS = "ours";
    static final String AXON_MONGO = "axon-mongo";
    static final String JDBC_H2 = "jdbc-h2";
    static final String AGGREGATE_TYPE = "Account";
    private static final Instant BASE_TIME = Instant.parse("2026-03-01T09:30:00Z");

    /** The event of the benchmark: small, with a string, a decimal and an instant, like a typical domain event. */
    public record Deposited(String accountId, BigDecimal amount, Instant occurredAt) {
    }

    private EventStoreBenchmark() {
    }

    // ------------------------------------------------------------------------------------------------- settings

    /** Every knob of the run, from system properties with defaults sized for about 10 minutes on 2 cores. */
    record Settings(long events, int aggregates, long seed, long firstWindowAt, int fillBatch,
                    int warmupCommands, double warmupSeconds, int windowCommands, double windowSeconds,
                    double trackingSeconds, double replaySeconds, double readWarmupSeconds,
                    long baselineInserts, double baselineSeconds, int batchSize, List<String> engines) {

        static Settings fromSystemProperties() {
            long events = Long.getLong("bench.events", 200_000);
            int aggregates = Integer.getInteger("bench.aggregates", 10_000);
            return new Settings(
                    events,
                    aggregates,
                    Long.getLong("bench.seed", 42),
                    Long.getLong("bench.firstWindowAt", Math.min(10_000, events)),
                    Integer.getInteger("bench.fillBatch", 1_000),
                    Integer.getInteger("bench.warmupCommands", 2_000),
                    doubleProperty("bench.warmupSeconds", 10),
                    Integer.getInteger("bench.windowCommands", 3_000),
                    doubleProperty("bench.windowSeconds", 20),
                    doubleProperty("bench.trackingSeconds", 45),
                    doubleProperty("bench.replaySeconds", 120),
                    doubleProperty("bench.readWarmupSeconds", 3),
                    Long.getLong("bench.baselineInserts", events),
                    doubleProperty("bench.baselineSeconds", 60),
                    Integer.getInteger("bench.batchSize", 0),
                    List.of(System.getProperty("bench.engines", OURS + "," + AXON_MONGO + "," + JDBC_H2)
                                  .split("\\s*,\\s*")));
        }

        private static double doubleProperty(String name, double defaultValue) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() ? defaultValue : Double.parseDouble(value);
        }

        void validate() {
            if (aggregates < 1 || fillBatch < 1 || events < aggregates || firstWindowAt < aggregates
                    || firstWindowAt > events) {
                throw new IllegalArgumentException(
                        "Need 1 <= bench.aggregates <= bench.firstWindowAt <= bench.events and bench.fillBatch >= 1");
            }
            for (String engine : engines) {
                if (!List.of(OURS, AXON_MONGO, JDBC_H2).contains(engine)) {
                    throw new IllegalArgumentException("Unknown engine in bench.engines: " + engine);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- subjects

    /** An engine under test with whatever it runs on; closing it frees the server or database. */
    interface Subject extends AutoCloseable {
        String name();

        EventStorageEngine engine();

        /** The embedded server, for the raw-driver baseline; null for the JDBC peer. */
        default TestMongo mongo() {
            return null;
        }

        @Override
        void close() throws Exception;
    }

    private static Subject ours(int batchSize) {
        TestMongo mongo = TestMongo.start();
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                                                                         .client(mongo.client())
                                                                         .database(mongo.database());
        if (batchSize > 0) {
            builder.batchSize(batchSize);
        }
        MongoEventStorageEngine engine = builder.build();
        return new Subject() {
            public String name() { return OURS; }
            public EventStorageEngine engine() { return engine; }
            public TestMongo mongo() { return mongo; }
            public void close() { mongo.close(); }
        };
    }

    private static Subject axonMongo(int batchSize) {
        TestMongo mongo = TestMongo.start();
        Serializer jackson = EventStoreSerializers.jackson();
        var builder = org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine
                .builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                                                   .mongoDatabase(mongo.client(), mongo.databaseName())
                                                   .build())
                .eventSerializer(jackson)
                .snapshotSerializer(jackson);
        if (batchSize > 0) {
            builder.batchSize(batchSize);
        }
        var engine = builder.build();
        return new Subject() {
            public String name() { return AXON_MONGO; }
            public EventStorageEngine engine() { return engine; }
            public TestMongo mongo() { return mongo; }
            public void close() { mongo.close(); }
        };
    }

    private static Subject jdbcH2(int batchSize) throws IOException {
        Path directory = Files.createTempDirectory("event-store-bench-h2");
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("events").toAbsolutePath());
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(4);
        ThreadBoundJdbcTransactions transactions = new ThreadBoundJdbcTransactions(pool);
        Serializer jackson = EventStoreSerializers.jackson();
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                                                                       .connectionProvider(transactions)
                                                                       .transactionManager(transactions)
                                                                       .eventSerializer(jackson)
                                                                       .snapshotSerializer(jackson);
        if (batchSize > 0) {
            builder.batchSize(batchSize);
        }
        JdbcEventStorageEngine engine = builder.build();
        engine.createSchema(H2EventTableFactory.INSTANCE);
        return new Subject() {
            public String name() { return JDBC_H2; }
            public EventStorageEngine engine() { return engine; }
            public void close() throws IOException {
                try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (java.sql.SQLException ignored) {
                    // already closed
                }
                pool.dispose();
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        };
    }

    private static Subject open(String name, int batchSize) throws IOException {
        return switch (name) {
            case OURS -> ours(batchSize);
            case AXON_MONGO -> axonMongo(batchSize);
            case JDBC_H2 -> jdbcH2(batchSize);
            default -> throw new IllegalArgumentException(name);
        };
    }

    // ------------------------------------------------------------------------------------------------- workload

    /** The aggregates and the next sequence number of each, as the benchmark (not the engine) knows them. */
    /** Events per filler aggregate: streams as long as a busy user's. */
    static final int FILLER_EVENTS = 20;

    static final class Workload {
        final String[] ids;
        final long[] next;
        long stored;
        private int fillCursor;

        Workload(int aggregates) {
            this(aggregates, "account-");
        }

        Workload(int aggregates, String prefix) {
            ids = new String[aggregates];
            next = new long[aggregates];
            for (int i = 0; i < aggregates; i++) {
                ids[i] = String.format("%s%06d", prefix, i);
            }
        }

        DomainEventMessage<Deposited> nextEvent(int aggregate) {
            long sequence = next[aggregate];
            String id = ids[aggregate];
            return new GenericDomainEventMessage<>(
                    AGGREGATE_TYPE, id, sequence,
                    new Deposited(id, BigDecimal.valueOf(100 + (sequence * 7919 + aggregate) % 99_900, 2),
                                  BASE_TIME.plusSeconds(sequence)));
        }
    }

    /**
     * Fills the store up to {@code target} events with bulk appends that go through the engine's normal append path
     * with correct sequence numbers. The remaining events are spread evenly: each aggregate gets the same number
     * {@code k} of further events (the last ones one fewer), and one append holds the next {@code k} events of each
     * of {@code fillBatch / k} consecutive aggregates (round robin), so an append carries about {@code fillBatch}
     * events of many aggregates. Returns the fill rate in events per second.
     */
    static double fill(EventStorageEngine engine, Workload workload, long target, int fillBatch) {
        long start = System.nanoTime();
        long before = workload.stored;
        int aggregates = workload.ids.length;
        long perAggregate = Math.max(1, (target - workload.stored + aggregates - 1) / aggregates);
        int aggregatesPerAppend = (int) Math.max(1, Math.min(aggregates, fillBatch / perAggregate));
        while (workload.stored < target) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < aggregatesPerAppend && workload.stored + batch.size() < target; i++) {
                int aggregate = workload.fillCursor;
                workload.fillCursor = (workload.fillCursor + 1) % aggregates;
                for (long k = 0; k < perAggregate && workload.stored + batch.size() < target; k++) {
                    batch.add(workload.nextEvent(aggregate));
                    workload.next[aggregate]++;
                }
            }
            engine.appendEvents(batch);
            workload.stored += batch.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds == 0 ? 0 : (workload.stored - before) / seconds;
    }

    /** What a run of commands measured. */
    record Window(long storedAtStart, int commands, double seconds, Histogram load, Histogram command) {
        double commandsPerSecond() {
            return commands / seconds;
        }
    }

    /**
     * Runs commands on random aggregates until {@code maxCommands} are done or {@code maxSeconds} have passed. A
     * command reads the aggregate's whole stream, deserializes every payload (folding the amounts, as an aggregate
     * would), checks that it saw every event, and appends one event with the next sequence number.
     */
    static Window commands(EventStorageEngine engine, Workload workload, Random random, int maxCommands,
                           double maxSeconds) {
        Histogram load = new Histogram(60_000_000_000L, 3);
        Histogram command = new Histogram(60_000_000_000L, 3);
        long storedAtStart = workload.stored;
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        int done = 0;
        BigDecimal checksum = BigDecimal.ZERO;
        while (done < maxCommands && System.nanoTime() < deadline) {
            int aggregate = random.nextInt(workload.ids.length);
            String id = workload.ids[aggregate];
            long t0 = System.nanoTime();
            DomainEventStream stream = engine.readEvents(id);
            BigDecimal balance = BigDecimal.ZERO;
            long seen = 0;
            while (stream.hasNext()) {
                Deposited deposited = (Deposited) stream.next().getPayload();
                balance = balance.add(deposited.amount());
                seen++;
            }
            Long last = stream.getLastSequenceNumber();
            long t1 = System.nanoTime();
            long expected = workload.next[aggregate];
            if (seen != expected || last == null || last != expected - 1) {
                throw new IllegalStateException("Aggregate " + id + " loaded " + seen + " events up to sequence "
                                                        + last + ", expected " + expected);
            }
            engine.appendEvents(workload.nextEvent(aggregate));
            long t2 = System.nanoTime();
            workload.next[aggregate]++;
            workload.stored++;
            load.recordValue(t1 - t0);
            command.recordValue(t2 - t0);
            checksum = checksum.add(balance);
            done++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (checksum.signum() < 0) {
            System.out.println("impossible: " + checksum); // keeps the fold alive
        }
        return new Window(storedAtStart, done, seconds, load, command);
    }

    /** What a read of the whole store measured. */
    public record Read(long events, double seconds, boolean complete, long stored) {
        public double eventsPerSecond() {
            return events / seconds;
        }

        /** The time of a whole read: measured if complete, else extrapolated from the rate. */
        public double fullSeconds() {
            return complete ? seconds : stored / eventsPerSecond();
        }
    }

    /**
     * Reads the store from the start with {@code readEvents(null, false)}, deserializing each payload or not, for at
     * most {@code maxEvents} events and {@code maxSeconds}. Any engine and any payload type: a deserialized payload is
     * only hashed, so that the work cannot be skipped.
     */
    public static Read readAll(EventStorageEngine engine, long stored, boolean deserialize, long maxEvents,
                        double maxSeconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        long read = 0;
        long sink = 0;
        boolean exhausted = false;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (true) {
                if (!events.hasNext()) {
                    exhausted = true;
                    break;
                }
                TrackedEventMessage<?> event = events.next();
                if (deserialize) {
                    sink += event.getPayload().hashCode();
                } else {
                    sink += event.trackingToken() == null ? 0 : 1;
                }
                read++;
                if (read >= maxEvents || System.nanoTime() >= deadline) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == Long.MIN_VALUE) {
            System.out.println("impossible");
        }
        boolean complete = exhausted || read >= stored;
        if (exhausted && read != stored) {
            throw new IllegalStateException("Read " + read + " events from the store, expected " + stored);
        }
        return new Read(read, seconds, complete, stored);
    }

    // ------------------------------------------------------------------------------------------------- one engine

    /** Every figure of one engine. */
    record Result(String name, double fillRate, Window early, Window late, Read tracking, Read replay) {
    }

    static Result run(Subject subject, Settings settings) {
        EventStorageEngine engine = subject.engine();
        Workload workload = new Workload(settings.aggregates());
        Random random = new Random(settings.seed());
        String name = subject.name();

        progress(name, "creating %,d aggregates", settings.aggregates());
        double fillRate = fill(engine, workload, settings.aggregates(), settings.fillBatch());
        progress(name, "warm-up (up to %,d commands / %.0f s)", settings.warmupCommands(), settings.warmupSeconds());
        commands(engine, workload, random, settings.warmupCommands(), settings.warmupSeconds());
        fill(engine, workload, Math.max(workload.stored, settings.firstWindowAt()), settings.fillBatch());
        settle();
        progress(name, "window 1 at %,d events", workload.stored);
        Window early = commands(engine, workload, random, settings.windowCommands(), settings.windowSeconds());
        progress(name, "  %,d commands in %.1f s = %,.0f/s", early.commands(), early.seconds(),
                 early.commandsPerSecond());

        progress(name, "filling to %,d events", settings.events());
        long fillStart = System.nanoTime();
        long fillFrom = workload.stored;
        // the store grows with other aggregates, so that window 2 runs the same commands (same stream lengths) as
        // window 1 on a store twenty times larger: what changes between the windows is the store size alone
        Workload filler = new Workload((int) Math.max(1, (settings.events() - workload.stored) / FILLER_EVENTS),
                                       "filler-");
        filler.stored = workload.stored;
        fill(engine, filler, settings.events(), settings.fillBatch());
        workload.stored = filler.stored;
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        double bulkRate = fillSeconds == 0 ? fillRate : (workload.stored - fillFrom) / fillSeconds;
        progress(name, "  filled %,d events in %.1f s = %,.0f events/s", workload.stored - fillFrom, fillSeconds,
                 bulkRate);
        settle();
        // a short re-warm: the bulk appends ran different code than single commands
        commands(engine, workload, random, Math.min(300, settings.warmupCommands()),
                 Math.min(2, settings.warmupSeconds()));
        progress(name, "window 2 at %,d events", workload.stored);
        Window late = commands(engine, workload, random, settings.windowCommands(), settings.windowSeconds());
        progress(name, "  %,d commands in %.1f s = %,.0f/s", late.commands(), late.seconds(),
                 late.commandsPerSecond());

        long stored = workload.stored;
        readAll(engine, stored, true, Math.max(1, stored / 10), settings.readWarmupSeconds());
        settle();
        progress(name, "tracking read of %,d events (max %.0f s)", stored, settings.trackingSeconds());
        Read tracking = readAll(engine, stored, false, Long.MAX_VALUE, settings.trackingSeconds());
        progress(name, "  %,d events in %.1f s = %,.0f/s", tracking.events(), tracking.seconds(),
                 tracking.eventsPerSecond());
        settle();
        progress(name, "replay of %,d events (max %.0f s)", stored, settings.replaySeconds());
        Read replay = readAll(engine, stored, true, Long.MAX_VALUE, settings.replaySeconds());
        progress(name, "  %,d events in %.1f s = %,.0f/s", replay.events(), replay.seconds(),
                 replay.eventsPerSecond());
        return new Result(name, bulkRate, early, late, tracking, replay);
    }

    /** Collects the garbage of the previous phase, so that a measurement does not pay for it. */
    private static void settle() {
        System.gc();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------------- baseline

    record Baseline(long inserts, double insertSeconds, long finds, double findSeconds, Read scan) {
        double insertsPerSecond() {
            return inserts / insertSeconds;
        }

        double findsPerSecond() {
            return finds / findSeconds;
        }
    }

    /**
     * The raw driver on the same embedded server: a {@code find()} of every document of ours' events collection (what
     * a tracking read and a replay read), {@code insertOne} of plain documents shaped like event documents (one round
     * trip each), then {@code find} by {@code _id} (one round trip each).
     */
    static Baseline baseline(TestMongo mongo, Settings settings) {
        Read scan = scan(mongo.database().getCollection("events"), settings.replaySeconds());
        MongoDatabase database = mongo.client().getDatabase("baseline");
        MongoCollection<Document> warmup = database.getCollection("warmup");
        for (int i = 0; i < 2_000; i++) {
            warmup.insertOne(plainDocument(i));
        }
        for (int i = 0; i < 2_000; i++) {
            warmup.find(Filters.eq("_id", (long) i)).first();
        }
        MongoCollection<Document> plain = database.getCollection("plain");
        long start = System.nanoTime();
        long deadline = start + (long) (settings.baselineSeconds() * 1e9);
        long inserted = 0;
        while (inserted < settings.baselineInserts() && System.nanoTime() < deadline) {
            plain.insertOne(plainDocument(inserted));
            inserted++;
        }
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        Random random = new Random(settings.seed());
        long finds = 0;
        start = System.nanoTime();
        deadline = start + 5_000_000_000L;
        while (finds < 20_000 && System.nanoTime() < deadline) {
            if (plain.find(Filters.eq("_id", (long) random.nextInt((int) Math.max(1, inserted)))).first() == null) {
                throw new IllegalStateException("baseline document missing");
            }
            finds++;
        }
        double findSeconds = (System.nanoTime() - start) / 1e9;
        database.drop();
        return new Baseline(inserted, insertSeconds, finds, findSeconds, scan);
    }

    /**
     * The plain driver reading every document of a collection with one {@code find()} (at most {@code maxSeconds}):
     * the baseline of a tracking read or a replay of the events stored there.
     */
    public static Read scan(MongoCollection<Document> collection, double maxSeconds) {
        long stored = collection.countDocuments();
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        long read = 0;
        long sink = 0;
        boolean exhausted = true;
        // in batches: the embedded server answers a find without a batch size in one message, which the driver
        // refuses beyond 48 MB
        for (Document document : collection.find().batchSize(1_000)) {
            sink += document.size();
            read++;
            if (System.nanoTime() >= deadline) {
                exhausted = false;
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == Long.MIN_VALUE) {
            System.out.println("impossible");
        }
        return new Read(read, seconds, exhausted || read >= stored, stored);
    }

    private static Document plainDocument(long i) {
        return new Document("_id", i)
                .append("aggregateIdentifier", String.format("account-%06d", i % 10_000))
                .append("sequenceNumber", i / 10_000)
                .append("type", AGGREGATE_TYPE)
                .append("eventIdentifier", java.util.UUID.randomUUID().toString())
                .append("timestamp", BASE_TIME.plusSeconds(i).toString())
                .append("payloadType", Deposited.class.getName())
                .append("payloadRevision", null)
                .append("payload", "{\"accountId\":\"account-" + (i % 10_000) + "\",\"amount\":12.34,"
                        + "\"occurredAt\":\"2026-03-01T09:30:00Z\"}")
                .append("metaData", "{}");
    }

    // ------------------------------------------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        }
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        settings.validate();
        long runStart = System.nanoTime();
        String header = header(settings);
        System.out.println(header);

        Map<String, Result> results = new LinkedHashMap<>();
        Baseline baseline = null;
        for (String name : settings.engines()) {
            try (Subject subject = open(name, settings.batchSize())) {
                results.put(name, run(subject, settings));
                if (subject.name().equals(OURS)) {
                    progress(name, "baseline: raw driver on the same server");
                    baseline = baseline(subject.mongo(), settings);
                }
            }
            System.gc();
        }
        String table = table(settings, results, baseline);
        System.out.println();
        System.out.println(header);
        System.out.println(table);
        System.out.printf("Total run time: %.0f s%n", (System.nanoTime() - runStart) / 1e9);
        figures(settings, results, baseline).writeIfAsked();
    }

    /** The figures for the benchmark suite: ours' with the raw driver's baseline, a peer's without one. */
    static Figures figures(Settings settings, Map<String, Result> results, Baseline baseline) {
        Figures figures = new Figures();
        results.forEach((name, result) -> {
            boolean ours = name.equals(OURS) && baseline != null;
            String of = name.equals(OURS) ? "" : " (peer: " + name + ")";
            String inserts = "insertOne of event-sized documents, 1 thread";
            double insertRate = ours ? baseline.insertsPerSecond() : Double.NaN;
            figures.add("store." + name + ".commands.small",
                        "event store: commands (load a stream, append one event) at ~" + kilo(settings.firstWindowAt())
                        + " events" + of, "commands/s", Figures.Better.HIGHER, result.early().commandsPerSecond(),
                        ours ? inserts : "", insertRate);
            figures.add("store." + name + ".commands.large",
                        "event store: commands at ~" + kilo(settings.events()) + " events" + of, "commands/s",
                        Figures.Better.HIGHER, result.late().commandsPerSecond(), ours ? inserts : "", insertRate);
            String scan = "find() of every event document";
            double scanRate = ours ? baseline.scan().eventsPerSecond() : Double.NaN;
            figures.add("store." + name + ".tracking",
                        "event store: tracking read of ~" + kilo(settings.events()) + " events, no payloads" + of,
                        "events/s", Figures.Better.HIGHER, result.tracking().eventsPerSecond(), ours ? scan : "",
                        scanRate);
            figures.add("store." + name + ".replay",
                        "event store: replay of ~" + kilo(settings.events()) + " events with payloads" + of,
                        "events/s", Figures.Better.HIGHER, result.replay().eventsPerSecond(), ours ? scan : "",
                        scanRate);
        });
        return figures;
    }

    private static void progress(String engine, String format, Object... args) {
        System.out.printf("[%-10s] %s%n", engine, String.format(format, args));
        System.out.flush();
    }

    static String header(Settings settings) {
        Runtime runtime = Runtime.getRuntime();
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                                      .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(
                "Event store benchmark%n"
                        + "  JVM:      %s %s (%s), GC: %s, max heap %,d MiB%n"
                        + "  Machine:  %s %s, %d cores, CPU: %s%n"
                        + "  Workload: %,d events over %,d aggregates (seed %d); windows of up to %,d commands / "
                        + "%.0f s at ~%,d and ~%,d events;%n"
                        + "            warm-up %,d commands / %.0f s; bulk fill ~%,d events of many aggregates per append; "
                        + "reads limited to %.0f s (tracking) / %.0f s (replay);%n"
                        + "            engine batch size: %s",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), gcs, runtime.maxMemory() / (1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.arch"), runtime.availableProcessors(),
                cpuModel(), settings.events(), settings.aggregates(), settings.seed(), settings.windowCommands(),
                settings.windowSeconds(), settings.firstWindowAt(), settings.events(), settings.warmupCommands(),
                settings.warmupSeconds(), settings.fillBatch(), settings.trackingSeconds(),
                settings.replaySeconds(),
                settings.batchSize() > 0 ? String.valueOf(settings.batchSize()) : "each engine's default (Axon: 100)");
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

    // ------------------------------------------------------------------------------------------------- report

    private static final String[] PEERS = {AXON_MONGO, JDBC_H2};

    static String table(Settings settings, Map<String, Result> results, Baseline baseline) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>(results.keySet());
        String format = "| %-44s |" + " %16s |".repeat(names.size());
        List<String> ratioColumns = new ArrayList<>();
        if (results.containsKey(OURS)) {
            for (String peer : PEERS) {
                if (results.containsKey(peer)) {
                    ratioColumns.add(peer);
                }
            }
        }
        format += " %16s |".repeat(ratioColumns.size()) + "%n";

        List<Object> heading = new ArrayList<>();
        heading.add("figure");
        heading.addAll(names);
        ratioColumns.forEach(peer -> heading.add("ours/" + peer));
        out.append(String.format(format, heading.toArray()));
        out.append('|').append("-".repeat(46)).append('|');
        for (int i = 0; i < names.size() + ratioColumns.size(); i++) {
            out.append("-".repeat(18)).append('|');
        }
        out.append(System.lineSeparator());

        row(out, format, names, ratioColumns, results, "commands/s at ~" + kilo(settings.firstWindowAt())
                + " events (higher=better)", r -> r.early().commandsPerSecond(), "%,.0f");
        row(out, format, names, ratioColumns, results, "  commands in that window",
            r -> r.early().commands(), "%,.0f");
        row(out, format, names, ratioColumns, results, "commands/s at ~" + kilo(settings.events())
                + " events (higher=better)", r -> r.late().commandsPerSecond(), "%,.0f");
        row(out, format, names, ratioColumns, results, "  commands in that window",
            r -> r.late().commands(), "%,.0f");
        row(out, format, names, ratioColumns, results, "rate at " + kilo(settings.events()) + " / rate at "
                + kilo(settings.firstWindowAt()) + " (flat = 1.00)",
            r -> r.late().commandsPerSecond() / r.early().commandsPerSecond(), "%.2f");
        row(out, format, names, ratioColumns, results, "load p50 at ~" + kilo(settings.events())
                + ", us (lower=better)", r -> r.late().load().getValueAtPercentile(50) / 1e3, "%,.0f");
        row(out, format, names, ratioColumns, results, "load p99 at ~" + kilo(settings.events())
                + ", us (lower=better)", r -> r.late().load().getValueAtPercentile(99) / 1e3, "%,.0f");
        row(out, format, names, ratioColumns, results, "load p50 at ~" + kilo(settings.firstWindowAt())
                + ", us (lower=better)", r -> r.early().load().getValueAtPercentile(50) / 1e3, "%,.0f");
        row(out, format, names, ratioColumns, results, "command p50 at ~" + kilo(settings.firstWindowAt())
                + ", us (lower=better)", r -> r.early().command().getValueAtPercentile(50) / 1e3, "%,.0f");
        row(out, format, names, ratioColumns, results, "command p50 at ~" + kilo(settings.events())
                + ", us (lower=better)", r -> r.late().command().getValueAtPercentile(50) / 1e3, "%,.0f");
        row(out, format, names, ratioColumns, results, "tracking read events/s (higher=better)",
            r -> r.tracking().eventsPerSecond(), "%,.0f");
        row(out, format, names, ratioColumns, results, "  events read (of the store)",
            r -> r.tracking().events(), "%,.0f");
        row(out, format, names, ratioColumns, results, "replay events/s, payloads (higher=better)",
            r -> r.replay().eventsPerSecond(), "%,.0f");
        row(out, format, names, ratioColumns, results, "  events replayed",
            r -> r.replay().events(), "%,.0f");
        row(out, format, names, ratioColumns, results, "full replay time, s (lower=better) *",
            r -> r.replay().fullSeconds(), "%,.1f");
        row(out, format, names, ratioColumns, results, "bulk fill events/s (not a target)",
            Result::fillRate, "%,.0f");
        out.append(String.format("* measured when the whole store was replayed, else extrapolated from the rate: %s%n",
                                 results.values().stream()
                                        .map(r -> r.name() + (r.replay().complete() ? " measured" : " extrapolated"))
                                        .collect(Collectors.joining(", "))));
        if (baseline != null) {
            out.append(String.format(
                    "baseline (raw driver, same embedded server): insertOne %,.0f docs/s (%,d docs in %.1f s); "
                            + "find by _id %,.0f/s (%,d finds); find() of ours' events %,.0f docs/s%n",
                    baseline.insertsPerSecond(), baseline.inserts(), baseline.insertSeconds(),
                    baseline.findsPerSecond(), baseline.finds(), baseline.scan().eventsPerSecond()));
        }
        out.append(targets(results));
        return out.toString();
    }

    private static String kilo(long count) {
        return count % 1000 == 0 ? (count / 1000) + "k" : String.format("%,d", count);
    }

    private static void row(StringBuilder out, String format, List<String> names, List<String> ratioColumns,
                            Map<String, Result> results, String label, ToDoubleFunction<Result> figure,
                            String valueFormat) {
        boolean ratios = !label.startsWith("  ");
        List<Object> cells = new ArrayList<>();
        cells.add(label);
        for (String name : names) {
            cells.add(String.format(valueFormat, figure.applyAsDouble(results.get(name))));
        }
        for (String peer : ratioColumns) {
            double ours = figure.applyAsDouble(results.get(OURS));
            double theirs = figure.applyAsDouble(results.get(peer));
            cells.add(!ratios ? "" : theirs == 0 ? "n/a" : ratio(ours / theirs));
        }
        out.append(String.format(format, cells.toArray()));
    }

    private static String ratio(double value) {
        if (value >= 100) {
            return String.format("%,.0f", value);
        }
        if (value >= 1) {
            return String.format("%.2f", value);
        }
        if (value >= 0.01) {
            return String.format("%.3f", value);
        }
        return String.format("%.5f", value);
    }

    static String targets(Map<String, Result> results) {
        Result ours = results.get(OURS);
        if (ours == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("Targets for ours:\n");
        double flat = ours.late().commandsPerSecond() / ours.early().commandsPerSecond();
        target(out, String.format("rate at the large store >= 90%% of rate at the small store: %.0f%%", flat * 100),
               flat >= 0.90);
        Result axonMongo = results.get(AXON_MONGO);
        if (axonMongo != null) {
            double speedup = ours.late().commandsPerSecond() / axonMongo.late().commandsPerSecond();
            target(out, String.format("commands/s at the large store >= 10x axon-mongo: %.1fx", speedup),
                   speedup >= 10);
        }
        double replay = ours.replay().eventsPerSecond();
        target(out, String.format("full replay >= 10,000 events/s: %,.0f events/s (%,d events in %.1f s%s)", replay,
                                  ours.replay().events(), ours.replay().seconds(),
                                  ours.replay().complete() ? "" : ", cut off"), replay >= 10_000);
        Result jdbc = results.get(JDBC_H2);
        if (jdbc != null) {
            double early = ours.early().commandsPerSecond() / jdbc.early().commandsPerSecond();
            double late = ours.late().commandsPerSecond() / jdbc.late().commandsPerSecond();
            double replayRatio = replay / jdbc.replay().eventsPerSecond();
            target(out, String.format("commands (appends)/s >= jdbc-h2: %.2fx at the small store, %.2fx at the "
                                              + "large store", early, late), early >= 1 && late >= 1);
            target(out, String.format("replay events/s >= jdbc-h2: %.2fx", replayRatio), replayRatio >= 1);
        }
        return out.toString();
    }

    private static void target(StringBuilder out, String text, boolean met) {
        out.append(String.format("  [%s] %s%n", met ? "MET " : "MISS", text));
    }
}
