package dev.userlifecycle.app.soak;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.eventstore.benchmark.Figures;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The soak test: the service as a child process ({@code java -jar}, embedded server on a data file) takes a steady
 * rate of mixed commands ({@link CommandMix}) for {@code soak.minutes}, is killed ({@code kill -9}) and started again
 * {@code soak.kills} times at random moments, while the client retries every command that got no answer with the
 * same body and {@code Idempotency-Key} ({@link SoakDriver}). Afterwards:
 * <ol>
 *   <li>every acknowledged command is in the event store exactly once ({@link StoreCheck});</li>
 *   <li>every read model equals a rebuild from scratch: the service is stopped, its data file copied, the copy's
 *       read models and query-processor tokens removed, and a second service (query role only) started on the copy
 *       builds them again from the first event; both are compared document by document ({@link ReadModels}).</li>
 * </ol>
 * Prints what it checked and every difference, exits with 1 on any difference or unexpected answer. Not a JUnit test
 * (CI does not run it): {@code bench/run-all.sh -Dbench.only=soak -Dsoak.minutes=2}. Settings: {@code soak.minutes}
 * (10), {@code soak.rate} (commands/s, 50), {@code soak.kills} (2), {@code soak.seed} (42), {@code soak.jar}
 * ({@code app/target/user-lifecycle-app.jar}), {@code soak.appHeap} (1g), {@code soak.clients} (64 client threads),
 * {@code soak.initialUsers} (300 registered before the run starts), {@code soak.keepData} (false: the temporary
 * folder is deleted after a run without differences).
 */
public final class SoakRun {

    static final String DATABASE = "soak";
    /**
     * What may differ between the live read models and a rebuild. A profile's {@code position} is the position of the
     * processor's token when the user's latest event was handled. Live, a commit can become visible after a later
     * position was already handled (commits run concurrently); its event then fills a gap of the token and is handled
     * with the token's higher position. A rebuild sees every event in order and notes the event's own. Both are right
     * ("every event of the user up to here is applied"); the live one may be higher, never lower.
     */
    static final List<ReadModels.Allowance> ALLOWANCES = List.of(new ReadModels.Allowance(
            "user_profiles", "position", "live at least the rebuilt: an event whose commit became visible late is "
                                         + "handled at the position its processor had already reached",
            (live, rebuilt) -> live instanceof Number l && rebuilt instanceof Number r
                               && l.longValue() >= r.longValue()));

    record Settings(double minutes, double rate, int kills, long seed, Path jar, String appHeap, int clients,
                    int initialUsers, boolean keepData) {

        static Settings fromSystemProperties() {
            return new Settings(Double.parseDouble(System.getProperty("soak.minutes", "10")),
                                Double.parseDouble(System.getProperty("soak.rate", "50")),
                                Integer.getInteger("soak.kills", 2),
                                Long.getLong("soak.seed", 42),
                                Path.of(System.getProperty("soak.jar", "app/target/user-lifecycle-app.jar")),
                                System.getProperty("soak.appHeap", "1g"),
                                Integer.getInteger("soak.clients", 64),
                                Integer.getInteger("soak.initialUsers", 300),
                                Boolean.getBoolean("soak.keepData"));
        }
    }

    private SoakRun() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(Settings.fromSystemProperties());
        } catch (Throwable e) {
            e.printStackTrace();
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(Settings settings) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar().toAbsolutePath() + " is missing: build it first "
                                            + "(mvn -B -q -DskipTests package)");
        }
        Path directory = Files.createTempDirectory("soak-");
        Path dataFile = directory.resolve("lifecycle.mv");
        progress("%.1f min at %.0f commands/s, %d kills; data, logs and the copy in %s", settings.minutes(),
                 settings.rate(), settings.kills(), directory);
        AppProcess app = new AppProcess("app", settings.jar(), settings.appHeap(), dataFile, freePort(), freePort(),
                                        "command,query,sagas", directory);
        progress("starting the service: %s, embedded MongoDB on %s", app.base(), app.mongoUri());
        progress("service up after %.1f s", app.start());

        CommandMix mix = new CommandMix(settings.seed(), Instant.now());
        SoakDriver driver = new SoakDriver(app, mix, settings.clients());
        driver.registerFirst(settings.initialUsers(), Duration.ofMinutes(10));
        progress("%,d users registered before the run", settings.initialUsers());
        Instant begin = Instant.now();
        Instant end = begin.plusMillis((long) (settings.minutes() * 60_000));
        List<Double> downtimes = new ArrayList<>();
        Thread killer = killer(app, begin, end, settings, downtimes);
        Thread reporter = reporter(driver, app);
        driver.sendUntil(end, settings.rate());
        killer.join();
        progress("%,d commands sent; waiting for every answer", driver.sent());
        driver.awaitAnswers(Duration.ofMinutes(10));
        reporter.interrupt();
        progress("every command answered");

        StoreCheck.Result store;
        ReadModels.Snapshot live;
        try (MongoClient client = MongoClients.create(app.mongoUri())) {
            MongoDatabase database = client.getDatabase(DATABASE);
            long head = ProcessorPositions.awaitCaughtUp(database, List.of(), Duration.ofMinutes(10));
            progress("every processor at the last event (%,d): %s", head, ProcessorPositions.positions(database));
            Thread.sleep(3_000); // the analytics documents are written about once a second
            store = StoreCheck.check(database, mix.users());
            live = ReadModels.read(database);
        }
        app.stop();
        progress("service stopped; the store holds what the client expects: %s",
                 store.differences().isEmpty() ? "yes" : store.differences().size() + " differences");

        ReadModels.Snapshot rebuilt = rebuild(settings, directory, dataFile);
        List<String> readModelDifferences = ReadModels.differences(live, rebuilt, ALLOWANCES);

        Report report = new Report(settings, driver, downtimes, store, live, readModelDifferences);
        report.print();
        report.figures().writeIfAsked();
        boolean passed = report.passed();
        if (passed && !settings.keepData()) {
            delete(directory);
        } else {
            progress("data kept in %s", directory);
        }
        return passed ? 0 : 1;
    }

    /**
     * Copies the stopped service's data file, empties the copy's read models and lets a second service rebuild them.
     */
    private static ReadModels.Snapshot rebuild(Settings settings, Path directory, Path dataFile) throws Exception {
        Path copy = directory.resolve("rebuild.mv");
        Files.copy(dataFile, copy);
        ReadModels.reset(copy, DATABASE);
        AppProcess rebuild = new AppProcess("rebuild", settings.jar(), settings.appHeap(), copy, freePort(),
                                            freePort(), "query", directory);
        progress("rebuild: read models and query-processor tokens removed from a copy; starting a query-only "
                 + "service on it");
        long start = System.nanoTime();
        try (rebuild; MongoClient client = MongoClients.create(rebuild.mongoUri())) {
            rebuild.start();
            MongoDatabase database = client.getDatabase(DATABASE);
            long head = ProcessorPositions.awaitCaughtUp(database, ReadModels.PROCESSORS, Duration.ofMinutes(15));
            Thread.sleep(3_000);
            ReadModels.Snapshot rebuilt = ReadModels.read(database);
            progress("rebuild: caught up with %,d events after %.1f s; %,d documents", head,
                     (System.nanoTime() - start) / 1e9, rebuilt.documents());
            return rebuilt;
        }
    }

    /** Kills the service at random moments (one in each of {@code kills} equal slots) and starts it again at once. */
    private static Thread killer(AppProcess app, Instant begin, Instant end, Settings settings,
                                 List<Double> downtimes) {
        Random random = new Random(settings.seed() * 31 + 7);
        long span = Duration.between(begin, end).toMillis();
        List<Instant> moments = new ArrayList<>();
        for (int i = 0; i < settings.kills(); i++) {
            double slot = 0.8 / settings.kills();
            double fraction = 0.1 + slot * i + slot * (0.15 + 0.7 * random.nextDouble());
            moments.add(begin.plusMillis((long) (span * fraction)));
        }
        Thread thread = new Thread(() -> {
            try {
                for (Instant moment : moments) {
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), moment).toMillis()));
                    progress("kill -9 (%.0f s into the run)", Duration.between(begin, Instant.now()).toMillis() / 1e3);
                    long killed = System.nanoTime();
                    app.kill();
                    app.start();
                    double down = (System.nanoTime() - killed) / 1e9;
                    downtimes.add(down);
                    progress("service up again %.1f s after the kill", down);
                }
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(2);
            }
        }, "soak-killer");
        thread.start();
        return thread;
    }

    private static Thread reporter(SoakDriver driver, AppProcess app) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(30_000);
                    progress("%,d sent, %,d answered, %,d without an answer at the first attempt; service %s",
                             driver.sent(), driver.acknowledged().values().stream().mapToInt(Integer::intValue).sum(),
                             driver.unanswered(), app.isUp() ? "up" : "down");
                }
            } catch (InterruptedException e) {
                // done
            }
        }, "soak-reporter");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void progress(String format, Object... args) {
        System.out.printf("[%tT soak] %s%n", System.currentTimeMillis(), String.format(format, args));
        System.out.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** What the soak did and found, printed and written as the suite's figures and notes. */
    private record Report(Settings settings, SoakDriver driver, List<Double> downtimes, StoreCheck.Result store,
                          ReadModels.Snapshot live, List<String> readModelDifferences) {

        boolean passed() {
            return store.differences().isEmpty() && readModelDifferences.isEmpty() && driver.unexpected().isEmpty()
                   && driver.serverErrors().isEmpty() && driver.failuresWhileUp().isEmpty()
                   && downtimes.size() == settings.kills();
        }

        List<String> lines() {
            Histogram latency = driver.latency();
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%,d users registered first, then %,d commands sent at %.0f/s for %.1f min; "
                                    + "acknowledged in all: %s", settings.initialUsers(),
                                    driver.sent() - settings.initialUsers(), settings.rate(), settings.minutes(),
                                    driver.acknowledged()));
            lines.add(String.format("killed with kill -9 and started again %d times; up again after %s s",
                                    downtimes.size(), downtimes.stream().map(d -> String.format("%.1f", d)).toList()));
            lines.add(String.format("%,d commands got no answer at the first attempt and were sent again with the "
                                    + "same Idempotency-Key (%,d retries in all, %,d answers \"request in progress\")",
                                    driver.unanswered(), driver.retries(), driver.inProgressAnswers()));
            lines.add(String.format("latency of the commands answered at the first attempt: p50 %.1f ms, p99 %.1f ms, "
                                    + "max %.0f ms", latency.getValueAtPercentile(50) / 1e6,
                                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6));
            lines.add("every acknowledged command in the event store exactly once: "
                      + (store.differences().isEmpty() ? "**yes**" : "**NO**, " + store.differences().size()
                                                                    + " differences"));
            lines.addAll(store.report());
            lines.add(String.format("every read model equal to a rebuild from scratch (%s; %,d documents compared "
                                    + "field by field): %s", String.join(", ", ReadModels.COLLECTIONS),
                                    live.documents(), readModelDifferences.isEmpty() ? "**yes**"
                                            : "**NO**, " + readModelDifferences.size() + " differences"));
            ALLOWANCES.forEach(allowance -> lines.add("  allowed to differ: " + allowance.collection() + "."
                                                      + allowance.field() + ", " + allowance.why()));
            List<String> problems = new ArrayList<>();
            store.differences().forEach(d -> problems.add("store: " + d));
            readModelDifferences.forEach(d -> problems.add("read model: " + d));
            driver.unexpected().forEach(d -> problems.add("unexpected answer: " + d));
            driver.serverErrors().forEach(d -> problems.add("server error (retried): " + d));
            driver.failuresWhileUp().forEach(d -> problems.add("no answer while the service was up: " + d));
            problems.stream().limit(50).forEach(lines::add);
            if (problems.size() > 50) {
                lines.add((problems.size() - 50) + " more problems, see the log");
            }
            lines.add(passed() ? "soak test passed" : "**soak test FAILED**");
            return lines;
        }

        void print() {
            System.out.println();
            lines().forEach(line -> System.out.println("  " + line));
        }

        Figures figures() {
            Histogram latency = driver.latency();
            Figures figures = new Figures()
                    .add("soak.p50", String.format("soak: commands over HTTP at %.0f/s, mixed, data file; latency p50 "
                                                   + "(answered at the first attempt)", settings.rate()), "ms",
                         Figures.Better.LOWER, latency.getValueAtPercentile(50) / 1e6)
                    .add("soak.p99", "  latency p99 of those", "ms", Figures.Better.LOWER,
                         latency.getValueAtPercentile(99) / 1e6)
                    .add("soak.restart", "soak: kill -9 to answering again (mean of the kills)", "s",
                         Figures.Better.LOWER, downtimes.stream().mapToDouble(Double::doubleValue).average()
                                                        .orElse(Double.NaN))
                    .add("soak.differences", "soak: lost or doubled effects, read-model differences, unexpected "
                                             + "answers", "count", Figures.Better.LOWER,
                         store.differences().size() + readModelDifferences.size() + driver.unexpected().size()
                         + driver.serverErrors().size() + driver.failuresWhileUp().size());
            lines().forEach(figures::note);
            return figures;
        }
    }
}
