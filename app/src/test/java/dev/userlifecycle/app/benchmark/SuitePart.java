package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.soak.SoakRun;
import dev.userlifecycle.eventstore.benchmark.EventStoreBenchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark of the suite: the existing main it runs in a JVM of its own, that JVM's heap, and the system
 * properties the suite gives it (its defaults for a suite run; a {@code -Dbench.*} on the suite's command line wins).
 *
 * @param runs 0: as many runs as the suite makes ({@code bench.runs}); otherwise that many (the soak runs once)
 */
record SuitePart(String name, String title, Class<?> main, String heap, Map<String, String> properties, int runs) {

    static final String EVENT_STORE = "event-store";
    static final String COMMANDS = "commands";
    static final String CDNOW = "cdnow";
    static final String SYNTHETIC = "synthetic";
    static final String LAG = "lag";
    static final String SOAK = "soak";
    static final String HTTP_LOAD = "http-load";

    /** Every part, in the order they run; {@code peers} adds the JDBC-on-H2 peer engine where a benchmark has one. */
    static List<SuitePart> all(boolean peers, String syntheticHeap) {
        return List.of(
                new SuitePart(EVENT_STORE, "Event store engine (issue 2)", EventStoreBenchmark.class, "4g",
                              settings("bench.engines", peers ? "ours,jdbc-h2" : "ours",
                                         "bench.baselineInserts", "50000", "bench.baselineSeconds", "15"), 0),
                // shorter windows and warm-ups than the benchmarks' own defaults: the suite repeats each run
                new SuitePart(COMMANDS, "Whole commands (issue 3)", CommandBenchmark.class, "4g",
                              settings("bench.parts", peers ? "gateway-ours,gateway-jdbc,http" : "gateway-ours,http",
                                       "bench.warmupSeconds", "8", "bench.windowSeconds", "10",
                                       "bench.httpSeconds", "10", "bench.httpClosedSeconds", "5"), 0),
                new SuitePart(CDNOW, "CDNOW: import, catch-up, replay, queries, layering (issues 4 and 7)",
                              QueryBenchmark.class, "4g",
                              settings("bench.parts", "cdnow", "bench.warmup", "500", "bench.requests", "2000",
                                       "bench.seconds", "5"), 0),
                new SuitePart(SYNTHETIC, "Synthetic users: queries and layering at scale (issue 4)",
                              QueryBenchmark.class, syntheticHeap,
                              settings("bench.parts", "synthetic", "bench.warmup", "500", "bench.requests", "2000",
                                       "bench.seconds", "5"), 0),
                new SuitePart(LAG, "Projections under command load (issue 4)", ProjectionLagBenchmark.class, "4g",
                              settings("bench.lag.commands", "20000"), 0),
                // the service is a child process of its own, with the heap a user's java -jar gets
                new SuitePart(HTTP_LOAD, "Sustained purchases over HTTP on the CDNOW demo (issue 14)",
                              HttpLoadBenchmark.class, "1g", settings(), 0),
                new SuitePart(SOAK, "Soak: mixed commands, kill -9 and restarts (issue 7)", SoakRun.class, "1g",
                              settings(), 1));
    }

    private static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    int runs(int suiteRuns) {
        return runs == 0 ? suiteRuns : runs;
    }
}
