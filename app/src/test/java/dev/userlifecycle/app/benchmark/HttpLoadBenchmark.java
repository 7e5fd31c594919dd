package dev.userlifecycle.app.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.soak.ProcessorPositions;
import dev.userlifecycle.eventstore.benchmark.Figures;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sustained purchases over HTTP on the CDNOW demo, as issue 14 measured them with wrk: the packaged jar started as
 * the README's demo ({@code --spring.profiles.active=cdnow}, from a folder without the CDNOW file, so the copy inside
 * the jar), then 16 connections posting purchases closed loop, each a new order of a random CDNOW customer, for
 * {@code bench.httpLoad.minutes} (5). Every 30 s window prints its rate, p50 and p99 and, at its end, the lag of
 * every event processor (events behind the head of the store, and the age of the oldest event it has not handled),
 * read from the service's embedded MongoDB with the plain driver. A warm-up window before the first is reported
 * apart.
 * <p>
 * Before the purchases and after them (once every processor has caught up), {@code GET} of a random customer's
 * profile at 16 connections, beside {@code GET /actuator/health/liveness} in the same process: the cheapest request
 * the service answers is the baseline of the profile read.
 * <pre>bench/run-all.sh -Dbench.only=http-load [-Dbench.httpLoad.minutes=5]</pre>
 */
public final class HttpLoadBenchmark {

    private static final int CUSTOMERS = 23_570;
    private static final int CONNECTIONS = Integer.getInteger("bench.httpLoad.connections", 16);
    private static final double MINUTES = Double.parseDouble(System.getProperty("bench.httpLoad.minutes", "5"));
    private static final int WINDOW_SECONDS = Integer.getInteger("bench.httpLoad.windowSeconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.httpLoad.warmupSeconds", 30);
    private static final int GET_SECONDS = Integer.getInteger("bench.httpLoad.getSeconds", 15);
    private static final long MIN_EVENTS = Long.getLong("bench.httpLoad.minEvents", 200_000);
    private static final Path JAR = Path.of(System.getProperty("bench.httpLoad.jar",
                                                               "app/target/user-lifecycle-app.jar"));
    private static final String LOYALTY = "loyalty-points";
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

    private HttpLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path folder = Files.createTempDirectory("http-load");
        int httpPort = freePort();
        int mongoPort = freePort();
        InetSocketAddress service = new InetSocketAddress("127.0.0.1", httpPort);
        try (DemoProcess demo = DemoProcess.start(JAR, folder, httpPort, mongoPort);
             MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            double demoSeconds = demo.awaitLayers(service, Duration.ofMinutes(10));
            MongoDatabase database = mongo.getDatabase("lifecycle");
            long storeEvents = ProcessorPositions.head(database);
            System.out.printf("CDNOW demo ready (GET /api/v1/layers answered) %.1f s after java -jar; the store "
                              + "holds %,d events; processors %s%n", demoSeconds, storeEvents,
                              ProcessorPositions.positions(database).keySet());
            ProcessorPositions.awaitCaughtUp(database, List.of(), Duration.ofMinutes(5));
            Reads before = reads(service, "before the purchases");

            // the warm-up's purchases grow the store to the size the measured windows start from
            List<Window> warmupWindows = new ArrayList<>();
            for (int w = 0; w == 0 || ProcessorPositions.allocated(database) < MIN_EVENTS; w++) {
                if (w == 10) {
                    throw new IllegalStateException("the store holds fewer than " + MIN_EVENTS + " events after "
                                                    + w + " warm-up windows");
                }
                warmupWindows.addAll(purchases(service, database, 1, WARMUP_SECONDS, "warm-up").windows());
            }
            Run warmup = new Run(warmupWindows, null);
            long measuredFrom = ProcessorPositions.allocated(database);
            int windows = (int) Math.round(MINUTES * 60 / WINDOW_SECONDS);
            Run run = purchases(service, database, windows, WINDOW_SECONDS, "window");
            long caughtUpStart = System.nanoTime();
            long head = ProcessorPositions.awaitCaughtUp(database, List.of(), Duration.ofMinutes(30));
            double catchUpSeconds = (System.nanoTime() - caughtUpStart) / 1e9;
            System.out.printf("every processor at the last event (%,d) %.1f s after the purchases stopped%n",
                              head, catchUpSeconds);
            Reads after = reads(service, "after the purchases");

            report(demoSeconds, storeEvents, measuredFrom, head, warmup, run, catchUpSeconds, before, after)
                    .writeIfAsked();
        }
    }

    // purchases

    /** What one window of purchases gave. */
    record Window(double seconds, long purchases, long errors, Histogram latencies, Map<String, Lag> lags) {

        double rate() {
            return purchases / seconds;
        }

        double millis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** A processor's distance from the head of the store: events not handled, and the age of the oldest of them. */
    record Lag(long events, double seconds) {
    }

    private static final Lag NO_LAG = new Lag(0, 0);

    record Run(List<Window> windows, String firstError) {

        double rate() {
            return windows.stream().mapToLong(Window::purchases).sum()
                   / windows.stream().mapToDouble(Window::seconds).sum();
        }

        double maxLag(String processor) {
            return windows.stream().mapToDouble(window -> window.lags().getOrDefault(processor, NO_LAG).seconds())
                          .max().orElse(0);
        }
    }

    private static Run purchases(InetSocketAddress service, MongoDatabase database, int windows, int seconds,
                                 String name) throws InterruptedException {
        Recorder recorder = new Recorder(MAX_NANOS, 3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> firstError = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            threads.add(start("purchases-" + c, () -> {
                long order = 0;
                try (KeepAliveConnection http = new KeepAliveConnection(service, TestApiKeys.EVERY_ROLE)) {
                    while (!stop.get()) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        String path = String.format("/api/v1/users/cdnow-%05d/purchases",
                                                    random.nextInt(1, CUSTOMERS + 1));
                        String body = String.format("{\"orderId\":\"load-%s-%d-%d\",\"amount\":{\"amount\":"
                                                    + "\"%d.50\",\"currency\":\"USD\"}}", name, connection,
                                                    order++, random.nextInt(5, 80));
                        long start = System.nanoTime();
                        String error = call(() -> http.postJson(path, body), 201, 200);
                        recorder.recordValue(Math.min(System.nanoTime() - start, MAX_NANOS));
                        done.incrementAndGet();
                        if (error != null) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError.isEmpty()) {
                                    firstError.add(error);
                                }
                            }
                        }
                    }
                }
            }));
        }
        List<Window> measured = new ArrayList<>();
        recorder.reset();
        long windowStart = System.nanoTime();
        long countAtStart = 0;
        long errorsAtStart = 0;
        for (int w = 1; w <= windows; w++) {
            TimeUnit.NANOSECONDS.sleep(windowStart + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime());
            Histogram latencies = recorder.getIntervalHistogram();
            long now = System.nanoTime();
            long count = done.get();
            long errorCount = errors.get();
            Map<String, Lag> lags = lags(database);
            Window window = new Window((now - windowStart) / 1e9, count - countAtStart, errorCount - errorsAtStart,
                                       latencies, lags);
            measured.add(window);
            print(name, w, window);
            windowStart = now;
            countAtStart = count;
            errorsAtStart = errorCount;
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Run(measured, firstError.isEmpty() ? null : firstError.get(0));
    }

    private static void print(String name, int number, Window window) {
        StringBuilder lags = new StringBuilder();
        window.lags().forEach((processor, lag) -> lags.append(String.format(" %s %,d ev/%.2f s;", processor,
                                                                            lag.events(), lag.seconds())));
        System.out.printf("%s %2d: %,7.0f purchases/s  p50 %6.2f ms  p99 %7.2f ms  errors %d  lag:%s%n", name,
                          number, window.rate(), window.millis(50), window.millis(99), window.errors(), lags);
    }

    /** Each processor's lag now. */
    private static Map<String, Lag> lags(MongoDatabase database) {
        long head = ProcessorPositions.allocated(database);
        long now = System.currentTimeMillis();
        Map<String, Lag> lags = new TreeMap<>();
        ProcessorPositions.positions(database).forEach((processor, position) -> {
            long behind = Math.max(0, head - position);
            double age = behind == 0 ? 0 : ProcessorPositions.storedAfter(database, position)
                                                             .map(storedAt -> (now - storedAt) / 1e3)
                                                             .orElse(0.0);
            lags.put(processor, new Lag(behind, age));
        });
        return lags;
    }

    // reads

    /** Profile and liveness reads: requests/s, and the profile's p50 and p99. */
    record Reads(double profiles, double profileP50, double profileP99, double liveness) {
    }

    private static Reads reads(InetSocketAddress service, String when) throws InterruptedException {
        Rate liveness = closedLoop(service, () -> "/actuator/health/liveness");
        Rate profiles = closedLoop(service, () -> String.format("/api/v1/users/cdnow-%05d",
                                                                ThreadLocalRandom.current().nextInt(1,
                                                                                                    CUSTOMERS + 1)));
        System.out.printf("GET %s, %d connections: liveness %,.0f/s; profile %,.0f/s (%.2f of liveness), "
                          + "p50 %.2f ms, p99 %.2f ms; errors %d%s%n", when, CONNECTIONS, liveness.rate(),
                          profiles.rate(), profiles.rate() / liveness.rate(), profiles.millis(50),
                          profiles.millis(99), liveness.errors() + profiles.errors(),
                          profiles.firstError() == null ? "" : " (" + profiles.firstError() + ")");
        return new Reads(profiles.rate(), profiles.millis(50), profiles.millis(99), liveness.rate());
    }

    record Rate(long requests, long errors, double seconds, Histogram latencies, String firstError) {

        double rate() {
            return requests / seconds;
        }

        double millis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private static Rate closedLoop(InetSocketAddress service, Supplier<String> paths)
            throws InterruptedException {
        Recorder recorder = new Recorder(MAX_NANOS, 3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> firstError = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            threads.add(start("reads-" + c, () -> {
                try (KeepAliveConnection http = new KeepAliveConnection(service, TestApiKeys.EVERY_ROLE)) {
                    while (!stop.get()) {
                        String path = paths.get();
                        long start = System.nanoTime();
                        String error = call(() -> http.get(path), 200, 200);
                        if (measuring.get()) {
                            recorder.recordValue(Math.min(System.nanoTime() - start, MAX_NANOS));
                            done.incrementAndGet();
                            if (error != null) {
                                errors.incrementAndGet();
                                synchronized (firstError) {
                                    if (firstError.isEmpty()) {
                                        firstError.add(error);
                                    }
                                }
                            }
                        }
                    }
                }
            }));
        }
        TimeUnit.SECONDS.sleep(3);
        recorder.reset();
        measuring.set(true);
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(GET_SECONDS);
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = done.get();
        Histogram latencies = recorder.getIntervalHistogram();
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Rate(requests, errors.get(), seconds, latencies, firstError.isEmpty() ? null : firstError.get(0));
    }

    @FunctionalInterface
    private interface Exchange {
        int status() throws IOException;
    }

    /** Null when the answer has one of the two expected statuses; what went wrong otherwise. */
    private static String call(Exchange exchange, int expected, int alsoExpected) {
        try {
            int status = exchange.status();
            return status == expected || status == alsoExpected ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.toString();
        }
    }

    // report

    private static Figures report(double demoSeconds, long storeEvents, long measuredFrom, long head, Run warmup,
                                  Run run,
                                  double catchUpSeconds, Reads before, Reads after) {
        Window first = run.windows().get(0);
        Window last = run.windows().get(run.windows().size() - 1);
        long errors = run.windows().stream().mapToLong(Window::errors).sum()
                      + warmup.windows().stream().mapToLong(Window::errors).sum();
        Histogram all = new Histogram(MAX_NANOS, 3);
        run.windows().forEach(window -> all.add(window.latencies()));
        double worstProcessorLag = run.windows().stream()
                                      .flatMap(window -> window.lags().values().stream())
                                      .mapToDouble(Lag::seconds).max().orElse(0);
        System.out.printf("purchases: %,.0f/s over %d windows (first %,.0f, last %,.0f: %.2f of the first), p50 "
                          + "%.2f ms, p99 %.2f ms, %d errors%s; loyalty policy's lag at most %.2f s, every "
                          + "processor's at most %.2f s; the store grew from %,d to %,d events during the windows%n",
                          run.rate(), run.windows().size(), first.rate(), last.rate(), last.rate() / first.rate(),
                          all.getValueAtPercentile(50) / 1e6, all.getValueAtPercentile(99) / 1e6, errors,
                          run.firstError() == null ? "" : " (first: " + run.firstError() + ")",
                          run.maxLag(LOYALTY), worstProcessorLag, measuredFrom, head);
        Figures figures = new Figures()
                .add("http-load.demo", "CDNOW demo: java -jar to GET /api/v1/layers answering", "s",
                     Figures.Better.LOWER, demoSeconds)
                .add("http-load.purchases", "purchases over HTTP, 16 connections, whole run", "purchases/s",
                     Figures.Better.HIGHER, run.rate())
                .add("http-load.last-window", "purchases over HTTP, last window, against the first", "purchases/s",
                     Figures.Better.HIGHER, last.rate(), "first window", first.rate())
                .add("http-load.p50", "purchase latency p50, whole run", "ms", Figures.Better.LOWER,
                     all.getValueAtPercentile(50) / 1e6)
                .add("http-load.p99", "purchase latency p99, whole run", "ms", Figures.Better.LOWER,
                     all.getValueAtPercentile(99) / 1e6)
                .add("http-load.loyalty-lag", "loyalty policy's lag, worst window end", "s", Figures.Better.LOWER,
                     run.maxLag(LOYALTY))
                .add("http-load.processor-lag", "any processor's lag, worst window end", "s", Figures.Better.LOWER,
                     worstProcessorLag)
                .add("http-load.catch-up", "every processor at the last event after the purchases stop", "s",
                     Figures.Better.LOWER, catchUpSeconds)
                .add("http-load.profile-before", "GET profile, 16 connections, before the purchases", "requests/s",
                     Figures.Better.HIGHER, before.profiles(), "GET liveness", before.liveness())
                .add("http-load.profile-after", "GET profile, 16 connections, after the purchases", "requests/s",
                     Figures.Better.HIGHER, after.profiles(), "GET liveness", after.liveness())
                .add("http-load.errors", "purchases answered other than 200/201", "requests", Figures.Better.LOWER,
                     errors);
        figures.note(String.format("store: %,d events after the demo, %,d when the first window began, %,d after "
                                   + "the last; %d windows of %d s after %d warm-up windows of %d s", storeEvents,
                                   measuredFrom, head, run.windows().size(), WINDOW_SECONDS,
                                   warmup.windows().size(), WARMUP_SECONDS));
        for (int w = 0; w < run.windows().size(); w++) {
            Window window = run.windows().get(w);
            figures.note(String.format("window %d: %,.0f purchases/s, p50 %.2f ms, p99 %.2f ms, loyalty lag %.2f s",
                                       w + 1, window.rate(), window.millis(50), window.millis(99),
                                       window.lags().getOrDefault(LOYALTY, NO_LAG).seconds()));
        }
        return figures;
    }

    private static Thread start(String name, Runnable load) {
        Thread thread = new Thread(load, name);
        thread.start();
        return thread;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
