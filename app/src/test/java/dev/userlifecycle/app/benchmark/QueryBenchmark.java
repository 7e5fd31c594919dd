package dev.userlifecycle.app.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.app.mongo.EmbeddedMongo;
import dev.userlifecycle.eventstore.benchmark.EventStoreBenchmark;
import dev.userlifecycle.events.FindKpis;
import dev.userlifecycle.events.FindRetention;
import dev.userlifecycle.events.GrowthKpis;
import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.RetentionTable;
import dev.userlifecycle.events.UserProfile;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import dev.userlifecycle.query.facts.StoredFacts;
import dev.userlifecycle.query.facts.UserFactsProjection;
import dev.userlifecycle.query.incidents.IncidentProjection;
import dev.userlifecycle.query.points.PointsLedgerProjection;
import dev.userlifecycle.query.profile.UserProfileProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The query side under load (issue 4, item 6), in the real Spring Boot app (all roles, embedded server in memory):
 * <ol>
 *   <li>CDNOW (23,570 users): the history goes in through the {@link CommandGateway} with every streaming processor
 *       shut down; then every processor is reset and started, and the time until each reaches the event store's head
 *       gives its catch-up rate;</li>
 *   <li>synthetic users (1,000,000 by default, {@link SyntheticUsers}): facts and profiles are written straight into
 *       the read models and the analytics documents rebuilt from the facts ({@link AnalyticsStore#rebuild()});</li>
 * </ol>
 * and at both sizes the latency of a profile, two retention tables and the layer counts over HTTP (one request at a
 * time), of the same profile and table through the {@link QueryGateway}, and of the plain driver reading the same
 * documents on the same server (the baseline); then the time of layering runs. Prints one report; see
 * {@code docs/benchmarks.md}.
 * <p>
 * Not a unit test: {@code mvn -B -q -pl app -Pbenchmark test-compile exec:java
 * -Dexec.mainClass=dev.userlifecycle.app.benchmark.QueryBenchmark}. Settings are system properties {@code bench.*},
 * see {@link Settings}.
 */
public final class QueryBenchmark {

    private QueryBenchmark() {
    }

    /** Every knob of a run, from system properties. */
    record Settings(int syntheticUsers, long seed, int importThreads, int warmup, int requests, double seconds,
                    int layeringRuns, List<String> parts) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.syntheticUsers", 1_000_000),
                                Long.getLong("bench.seed", 42),
                                Integer.getInteger("bench.importThreads", 4),
                                Integer.getInteger("bench.warmup", 1_000),
                                Integer.getInteger("bench.requests", 5_000),
                                Double.parseDouble(System.getProperty("bench.seconds", "15")),
                                Integer.getInteger("bench.layeringRuns", 2),
                                List.of(System.getProperty("bench.parts", "cdnow,synthetic").split("\\s*,\\s*")));
        }
    }

    /** One kind of query measured three ways; a way that does not apply is {@code null}. */
    record QueryResult(String key, String name, Latency http, Latency gateway, Latency baseline) {
    }

    /**
     * The CDNOW history imported into the running app: how, how much, the seconds until the last order was written
     * and until every processor had caught up with it, and the raw driver's rate of inserting the same number of order
     * documents one by one on the same server (the baseline).
     */
    record Imported(String how, int users, int orders, int commands, double writtenSeconds, double caughtUpSeconds,
                    double cpuSeconds, double baselineOrdersPerSecond) {

        double ordersPerSecond() {
            return orders / caughtUpSeconds;
        }
    }

    /**
     * Everything measured at one size. {@code imported}, {@code replay} and {@code eventsScan} (the raw driver reading
     * every event document) are null where the size has no events; {@code factsScan} is the raw driver reading every
     * {@code user_facts} document, the baseline of a layering run and of the analytics rebuild.
     */
    record SizeResult(String name, long users, String setUp, Map<String, Double> catchUpSeconds, long events,
                      double rebuildSeconds, List<QueryResult> queries, List<Double> layeringSeconds,
                      String layeringNote, Imported imported, EventStoreBenchmark.Read replay,
                      EventStoreBenchmark.Read eventsScan, EventStoreBenchmark.Read factsScan) {
    }

    /** The tracking processors of the query projections: what a catch-up from the tail resets and waits for. */
    static final List<String> QUERY_PROJECTIONS = List.of(UserProfileProjection.PROCESSING_GROUP,
                                                          UserFactsProjection.PROCESSING_GROUP,
                                                          PointsLedgerProjection.PROCESSING_GROUP,
                                                          IncidentProjection.PROCESSING_GROUP);

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
        long start = System.nanoTime();
        System.out.println(header(settings));
        List<SizeResult> results = new ArrayList<>();
        if (settings.parts().contains("cdnow")) {
            results.add(cdnow(settings));
            pause();
        }
        if (settings.parts().contains("synthetic")) {
            results.add(synthetic(settings));
        }
        System.out.println();
        System.out.println(header(settings));
        System.out.println(QueryReport.table(results));
        System.out.println(QueryReport.targets(results));
        System.out.printf("Total run time: %.0f s%n", (System.nanoTime() - start) / 1e9);
        QueryReport.figures(results).writeIfAsked();
    }

    // ------------------------------------------------------------------------------------------------- sizes

    static SizeResult cdnow(Settings settings) throws Exception {
        CdnowHistory history = CdnowHistory.load();
        try (App app = App.start("cdnow")) {
            ProjectionCatchUp catchUp = app.catchUp();
            Imported imported = importCdnow(app, catchUp, history, settings);
            long head = catchUp.head();
            pause();
            Map<String, Double> catchUpSeconds = replay(catchUp, head);
            double flush = seconds(() -> app.bean(AnalyticsStore.class).flush());
            progress("cdnow", "analytics documents written in %.2f s", flush);
            pause();
            MongoCollection<Document> events = app.database().getCollection("events");
            EventStoreBenchmark.Read eventsScan = EventStoreBenchmark.scan(events, 120);
            progress("replay", "raw driver: find() of %,d event documents in %.2f s, %,.0f/s", eventsScan.events(),
                     eventsScan.seconds(), eventsScan.eventsPerSecond());
            pause();
            EventStoreBenchmark.Read replay = EventStoreBenchmark.readAll(app.bean(EventStorageEngine.class),
                                                                          events.countDocuments(), true,
                                                                          Long.MAX_VALUE, 120);
            progress("replay", "the whole store through the engine with payloads: %,d events in %.2f s, %,.0f/s",
                     replay.events(), replay.seconds(), replay.eventsPerSecond());

            List<String> users = history.byCustomer().keySet().stream().map(CdnowLines::userId).toList();
            LocalDate end = history.lastDate();
            List<QueryResult> queries = queries(app, settings, users, end,
                                                LocalDate.of(1997, 1, 1), end,
                                                LocalDate.of(1997, 1, 1), LocalDate.of(1997, 3, 31));
            EventStoreBenchmark.Read factsScan = factsScan(app);
            List<Double> runs = layeringRuns(app, settings, CdnowLines.occurredAt(end, app.zone()).toString());
            queries = withLayers(app, settings, queries);
            return new SizeResult("CDNOW", users.size(), String.format(
                    "%,d orders (%,d commands, %s) written in %.1f s, every processor caught up after %.1f s "
                    + "(%,.0f orders/s, %.2f ms of CPU per command)", imported.orders(), imported.commands(),
                    imported.how(), imported.writtenSeconds(), imported.caughtUpSeconds(), imported.ordersPerSecond(),
                    imported.cpuSeconds() * 1e3 / imported.commands()), catchUpSeconds, head, flush, queries, runs,
                                  layeringNote(app), imported, replay, eventsScan, factsScan);
        }
    }

    /**
     * Imports the CDNOW history into the running app (every processor following, as in production) and waits until
     * every processor has caught up; then the baseline: the same number of order documents inserted one by one with
     * the raw driver into a scratch collection of the same server.
     */
    private static Imported importCdnow(App app, ProjectionCatchUp catchUp, CdnowHistory history, Settings settings)
            throws Exception {
        CdnowLoader loader = CdnowLoader.chosen();
        progress("cdnow", "importing %,d orders of %,d customers: %s; the processors follow as usual",
                 history.lines().size(), history.byCustomer().size(), loader.description(settings.importThreads()));
        double cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        CdnowLoader.Loaded loaded = loader.load(app, history, settings.importThreads());
        double written = (System.nanoTime() - start) / 1e9;
        progress("cdnow", "%,d orders written in %.1f s; waiting for the processors", loaded.orders(), written);
        long head = catchUp.await(Duration.ofMinutes(30));
        double caughtUp = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        progress("cdnow", "every processor at the head (%,d events) after %.1f s: %,.0f orders/s", head, caughtUp,
                 loaded.orders() / caughtUp);
        pause();
        double baseline = OrderDocuments.insertOneByOne(app.database(), history);
        progress("cdnow", "baseline: raw driver insertOne of %,d order documents: %,.0f/s", history.lines().size(),
                 baseline);
        return new Imported(loader.description(settings.importThreads()), loaded.users(), loaded.orders(),
                            loaded.commands(), written, caughtUp, cpu, baseline);
    }

    /** The raw driver reading every user's facts: what a layering run and the analytics rebuild start from. */
    private static EventStoreBenchmark.Read factsScan(App app) {
        pauseQuietly();
        EventStoreBenchmark.Read scan = EventStoreBenchmark.scan(app.database().getCollection(StoredFacts.COLLECTION),
                                                                 300);
        progress("facts", "raw driver: find() of %,d user_facts documents in %.2f s", scan.events(), scan.seconds());
        return scan;
    }

    static SizeResult synthetic(Settings settings) throws Exception {
        try (App app = App.start("synthetic")) {
            int count = settings.syntheticUsers();
            SyntheticUsers users = new SyntheticUsers(LocalDate.of(2025, 12, 31), app.zone(), settings.seed());
            progress("synthetic", "writing %,d users' facts and profiles with insertMany", count);
            double write = users.write(app.database(), count);
            progress("synthetic", "written in %.1f s: %,d active days, %,d purchases", write, users.activeDays(),
                     users.purchases());
            pause();
            EventStoreBenchmark.Read factsScan = factsScan(app);
            AnalyticsStore analytics = app.bean(AnalyticsStore.class);
            double rebuild = seconds(() -> {
                analytics.rebuild();
                analytics.flush();
            });
            progress("synthetic", "analytics rebuilt from the facts and written in %.1f s", rebuild);
            pause();
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(SyntheticUsers.userId(i));
            }
            LocalDate end = users.lastDay();
            List<QueryResult> queries = queries(app, settings, ids, end,
                                                end.withDayOfMonth(1).minusMonths(11), end,
                                                end.minusDays(90), end);
            List<Double> runs = layeringRuns(app, settings, CdnowLines.occurredAt(end, app.zone()).toString());
            queries = withLayers(app, settings, queries);
            return new SizeResult("synthetic", count, String.format(
                    "facts and profiles written with insertMany in %.1f s (%,d active days, %,d purchases)", write,
                    users.activeDays(), users.purchases()), Map.of(), 0, rebuild, queries, runs, layeringNote(app),
                                  null, null, null, factsScan);
        }
    }

    // ------------------------------------------------------------------------------------------------- catch-up

    /**
     * Shuts the query projections' processors down, resets them to the tail and starts them; answers the seconds each
     * took to reach {@code head}.
     */
    static Map<String, Double> replay(ProjectionCatchUp catchUp, long head) throws InterruptedException {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>(catchUp.processors());
        processors.keySet().retainAll(QUERY_PROJECTIONS);
        if (processors.size() != QUERY_PROJECTIONS.size()) {
            throw new IllegalStateException("expected the processors " + QUERY_PROJECTIONS + ", found "
                                            + catchUp.processors().keySet());
        }
        processors.values().forEach(StreamingEventProcessor::shutDown);
        processors.values().forEach(StreamingEventProcessor::resetTokens);
        progress("catch-up", "%s reset and started; the head is at %,d", processors.keySet(), head);
        long start = System.nanoTime();
        processors.values().forEach(StreamingEventProcessor::start);
        Map<String, Double> seconds = new TreeMap<>();
        while (seconds.size() < processors.size()) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            processors.forEach((name, processor) -> {
                if (!seconds.containsKey(name) && ProjectionCatchUp.position(processor) >= head) {
                    seconds.put(name, elapsed);
                    progress("catch-up", "%s at the head after %.2f s: %,.0f events/s", name, elapsed,
                             head / elapsed);
                }
            });
            if (elapsed > 600) {
                throw new IllegalStateException("processors not at the head after 600 s: " + catchUp.positions());
            }
            Thread.sleep(5);
        }
        return seconds;
    }

    // ------------------------------------------------------------------------------------------------- queries

    private static List<QueryResult> queries(App app, Settings settings, List<String> users, LocalDate asOf,
                                             LocalDate monthlyFrom, LocalDate monthlyTo,
                                             LocalDate quarterFrom, LocalDate quarterTo) {
        Random random = new Random(settings.seed());
        MongoCollection<Document> profiles = app.database().getCollection("user_profiles");
        MongoCollection<Document> analytics = app.database().getCollection("analytics");
        QueryGateway gateway = app.bean(QueryGateway.class);
        List<QueryResult> results = new ArrayList<>();

        // what any request costs here (client, Tomcat, Spring MVC, JSON) whatever it asks: the floor of the HTTP rows
        results.add(new QueryResult(
                "floor", "HTTP floor: GET /actuator/health/liveness",
                measure(settings, "liveness over HTTP",
                        () -> app.get("/actuator/health/liveness").statusCode() == 200),
                null, null));
        results.add(new QueryResult(
                "profile", "profile",
                measure(settings, "profile over HTTP",
                        () -> app.get("/api/v1/users/" + pick(users, random)).statusCode() == 200),
                measure(settings, "profile through the QueryGateway",
                        () -> gateway.query(new FindUserProfile(pick(users, random)),
                                            ResponseTypes.optionalInstanceOf(UserProfile.class)).get().isPresent()),
                measure(settings, "profile by the raw driver",
                        () -> profiles.find(Filters.eq("_id", pick(users, random))).first() != null)));

        String monthly = "/api/v1/retention?basis=registration&cohort=month&period=month&mode=on&from="
                         + monthlyFrom + "&to=" + monthlyTo;
        FindRetention monthlyQuery = new FindRetention("registration", "month", "month", "on", monthlyFrom, monthlyTo);
        List<String> monthlyIds = retentionIds(monthlyFrom.withDayOfMonth(1), monthlyTo, asOf);
        results.add(new QueryResult(
                "retention-monthly", "retention, monthly cohorts x months (" + monthlyFrom + ".." + monthlyTo + ")",
                measure(settings, "monthly retention over HTTP", () -> app.get(monthly).statusCode() == 200),
                measure(settings, "monthly retention through the QueryGateway",
                        () -> !gateway.query(monthlyQuery, RetentionTable.class).get().rows().isEmpty()),
                measure(settings, "monthly retention documents by the raw driver",
                        () -> readAll(analytics, monthlyIds) > 0)));

        String weekly = "/api/v1/retention?basis=registration&cohort=week&period=day&mode=on&from=" + quarterFrom
                        + "&to=" + quarterTo;
        List<String> weeklyIds = retentionIds(quarterFrom.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                                              quarterTo, asOf);
        results.add(new QueryResult(
                "retention-weekly", "retention, weekly cohorts x days (" + quarterFrom + ".." + quarterTo + ")",
                measure(settings, "weekly x daily retention over HTTP", () -> app.get(weekly).statusCode() == 200),
                null,
                measure(settings, "weekly x daily retention documents by the raw driver",
                        () -> readAll(analytics, weeklyIds) > 0)));

        String kpis = "/api/v1/kpis?from=" + quarterFrom + "&to=" + quarterTo;
        FindKpis kpiQuery = new FindKpis(quarterFrom, quarterTo);
        List<String> kpiIds = new ArrayList<>();
        for (long day = quarterFrom.toEpochDay(); day <= quarterTo.toEpochDay(); day++) {
            kpiIds.add("kpi:" + day);
        }
        results.add(new QueryResult(
                "kpis", "KPIs of a quarter (" + quarterFrom + ".." + quarterTo + ")",
                measure(settings, "KPIs over HTTP", () -> app.get(kpis).statusCode() == 200),
                measure(settings, "KPIs through the QueryGateway",
                        () -> gateway.query(kpiQuery, GrowthKpis.class).get() != null),
                measure(settings, "KPI documents by the raw driver", () -> readAll(analytics, kpiIds) > 0)));
        return results;
    }

    /** The documents a retention query reads: the meta document, then every start day of its window. */
    private static List<String> retentionIds(LocalDate firstDay, LocalDate to, LocalDate asOf) {
        List<String> ids = new ArrayList<>();
        LocalDate last = to.isAfter(asOf) ? asOf : to;
        for (long day = firstDay.toEpochDay(); day <= last.toEpochDay(); day++) {
            ids.add("retention:REGISTRATION:" + day);
        }
        return ids;
    }

    private static int readAll(MongoCollection<Document> analytics, List<String> ids) {
        int read = analytics.find(Filters.eq("_id", "meta")).first() == null ? 0 : 1;
        for (int from = 0; from < ids.size(); from += 1_000) {
            for (Document ignored : analytics.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(),
                                                                                             from + 1_000))))) {
                read++;
            }
        }
        return read;
    }

    /** The latest layering run over HTTP, and its documents by the raw driver when {@link LayersBaseline} knows them. */
    private static List<QueryResult> withLayers(App app, Settings settings, List<QueryResult> queries) {
        if (app.get("/api/v1/layers").statusCode() != 200) {
            progress("layers", "GET /api/v1/layers does not answer 200: not measured");
            return queries;
        }
        List<QueryResult> all = new ArrayList<>(queries);
        Optional<Callable<Boolean>> baseline = LayersBaseline.reader(app.database());
        all.add(new QueryResult("layers", "layers (latest run)",
                                measure(settings, "layers over HTTP",
                                        () -> app.get("/api/v1/layers").statusCode() == 200),
                                null,
                                baseline.map(read -> measure(settings, "layers documents by the raw driver", read))
                                        .orElse(null)));
        return all;
    }

    private static List<Double> layeringRuns(App app, Settings settings, String asOf) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < settings.layeringRuns(); run++) {
            long start = System.nanoTime();
            HttpResponse<String> response = app.post("/api/v1/layers/runs", "{\"asOf\": \"" + asOf + "\"}");
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() == 404) {
                progress("layering", "POST /api/v1/layers/runs answers 404: not measured");
                return List.of();
            }
            if (response.statusCode() != 201) {
                throw new IllegalStateException("layering run: HTTP " + response.statusCode() + " " + response.body());
            }
            seconds.add(elapsed);
            progress("layering", "run %d as of %s: %.2f s", run + 1, asOf, elapsed);
        }
        return seconds;
    }

    private static String layeringNote(App app) {
        HttpResponse<String> latest = app.get("/api/v1/layers");
        return latest.statusCode() == 200 ? "" : "GET /api/v1/layers: HTTP " + latest.statusCode();
    }

    private static Latency measure(Settings settings, String name, Callable<Boolean> request) {
        pauseQuietly();
        Latency latency = Latency.measure(name, settings.warmup(), settings.requests(), settings.seconds(), request);
        progress("latency", "%s: %,d requests, p50 %.3f ms, p99 %.3f ms, max %.1f ms, %d errors%s", name,
                 latency.requests(), latency.millis(50), latency.millis(99), latency.maxMillis(), latency.errors(),
                 latency.firstError() == null ? "" : " (first: " + latency.firstError() + ")");
        return latency;
    }

    private static String pick(List<String> users, Random random) {
        return users.get(random.nextInt(users.size()));
    }

    // ------------------------------------------------------------------------------------------------- the app

    /** The Spring Boot app on a random port with its own embedded server in memory, and an HTTP client for it. */
    record App(ConfigurableApplicationContext context, HttpClient client, URI base) implements AutoCloseable {

        static App start(String name) {
            progress(name, "starting the application");
            ConfigurableApplicationContext context = new SpringApplicationBuilder(UserLifecycleApplication.class)
                    .run("--lifecycle.mongo.embedded.backend=memory",
                         "--lifecycle.mongo.uri=",
                         "--lifecycle.mongo.database=bench_" + name,
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
            // responses are completed on the client's selector thread rather than handed to another pool: one
            // request at a time needs no pool, and every handoff on two cores shows in the p99
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                          .executor(Runnable::run)
                                          .connectTimeout(Duration.ofSeconds(10)).build();
            return new App(context, client, URI.create("http://127.0.0.1:" + port));
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        MongoDatabase database() {
            return bean(MongoDatabase.class);
        }

        ZoneId zone() {
            return bean(ZoneId.class);
        }

        ProjectionCatchUp catchUp() {
            return new ProjectionCatchUp(bean(EventProcessingConfiguration.class), bean(EventStore.class));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        HttpResponse<String> post(String path, String json) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                                   .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.header("X-API-Key", TestApiKeys.EVERY_ROLE)
                                          .timeout(Duration.ofSeconds(300)).build(),
                                   HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void pause() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    private static void pauseQuietly() {
        try {
            pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void progress(String part, String format, Object... args) {
        System.out.printf("[%tT %-9s] %s%n", System.currentTimeMillis(), part, String.format(format, args));
    }

    static String header(Settings settings) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                "Query benchmark (issue 4)%n"
                + "  Machine:  %s %s, %d cores, CPU: %s, memory %s%n"
                + "  JVM:      %s %s (%s), max heap %,d MiB%n"
                + "  Sizes:    CDNOW (23,570 users, through the command side) and %,d synthetic users (read models "
                + "written directly)%n"
                + "  Latency:  one request at a time, %,d warm-up requests, then %,d requests or %.0f s; "
                + "%d layering runs per size",
                System.getProperty("os.name"), System.getProperty("os.arch"), runtime.availableProcessors(),
                procLine("/proc/cpuinfo", "model name"), procLine("/proc/meminfo", "MemTotal"),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), runtime.maxMemory() / (1024 * 1024), settings.syntheticUsers(),
                settings.warmup(), settings.requests(), settings.seconds(), settings.layeringRuns());
    }

    private static String procLine(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                       .getProcessCpuTime() / 1e9;
    }
}
