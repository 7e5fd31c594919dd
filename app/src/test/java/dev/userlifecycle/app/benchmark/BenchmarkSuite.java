package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.eventstore.benchmark.Figures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark of the project ({@link SuitePart#all}), each run in a JVM of its own, {@code bench.runs} times,
 * then the soak test once, and rewrites the generated part of {@code docs/benchmarks.md} with the medians, their
 * baselines and ratios ({@link SuiteReport}). Started by {@code bench/run-all.sh}, which builds the project and puts
 * the test classpath on this JVM; every child JVM gets the same classpath.
 * <p>
 * Settings (system properties): {@code bench.runs} (3), {@code bench.only} (comma-separated part names, default all:
 * {@code event-store,commands,cdnow,synthetic,lag,http-load,soak}), {@code bench.peers} (false: also measure the JDBC-on-H2
 * peer engine), {@code bench.syntheticHeap} ({@code 10g}), {@code bench.syntheticUsers} (1000000, passed on),
 * {@code bench.doc} ({@code docs/benchmarks.md}), {@code bench.work} (folder of the logs and figure files,
 * {@code target/bench}). Every other {@code bench.*} and {@code soak.*} property is passed on to every part and wins
 * over the part's own default.
 */
public final class BenchmarkSuite {

    private static final Set<String> OWN_PROPERTIES = Set.of("bench.runs", "bench.only", "bench.peers",
                                                             "bench.syntheticHeap", "bench.doc", "bench.work",
                                                             "bench.partTimeoutMinutes", Figures.PROPERTY);

    /** Every knob of the suite. */
    record Settings(int runs, List<String> only, boolean peers, String syntheticHeap, Path document, Path work,
                    double partTimeoutMinutes) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.runs", 3),
                                List.of(System.getProperty("bench.only", "").split("\\s*,\\s*")).stream()
                                    .filter(name -> !name.isBlank()).toList(),
                                Boolean.getBoolean("bench.peers"),
                                System.getProperty("bench.syntheticHeap", "10g"),
                                Path.of(System.getProperty("bench.doc", "docs/benchmarks.md")),
                                Path.of(System.getProperty("bench.work", "target/bench")),
                                Double.parseDouble(System.getProperty("bench.partTimeoutMinutes", "45")));
        }

        List<SuitePart> parts() {
            List<SuitePart> all = SuitePart.all(peers, syntheticHeap);
            for (String name : only) {
                if (all.stream().noneMatch(part -> part.name().equals(name))) {
                    throw new IllegalArgumentException("unknown part in bench.only: " + name + "; known: "
                                                       + all.stream().map(SuitePart::name).toList());
                }
            }
            return all.stream().filter(part -> only.isEmpty() || only.contains(part.name())).toList();
        }
    }

    /** What the runs of one part gave: the figures of each successful run, and what went wrong in the others. */
    record PartResult(SuitePart part, List<Figures> runs, List<String> failures) {
    }

    private BenchmarkSuite() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run() throws IOException, InterruptedException {
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        List<SuitePart> parts = settings.parts();
        Files.createDirectories(settings.work());
        long start = System.nanoTime();
        int total = parts.stream().mapToInt(part -> part.runs(settings.runs())).sum();
        progress(start, "%d parts, %d JVM runs in all: %s; logs and figures in %s", parts.size(), total,
                 parts.stream().map(part -> part.name() + " x" + part.runs(settings.runs())).toList(),
                 settings.work().toAbsolutePath());
        List<PartResult> results = new ArrayList<>();
        int done = 0;
        for (SuitePart part : parts) {
            List<Figures> runs = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int run = 1; run <= part.runs(settings.runs()); run++) {
                progress(start, "%s, run %d of %d (JVM run %d of %d)", part.name(), run, part.runs(settings.runs()),
                         ++done, total);
                ChildRun child = runChild(part, run, settings);
                if (child.figures() != null) {
                    runs.add(child.figures());
                }
                if (child.failure() == null) {
                    progress(start, "%s, run %d: %d figures", part.name(), run, child.figures().figures().size());
                } else {
                    failures.add("run " + run + ": " + child.failure());
                    progress(start, "%s, run %d FAILED: %s", part.name(), run, child.failure());
                }
            }
            results.add(new PartResult(part, runs, failures));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String section = SuiteReport.render(results, settings, seconds, forwardedProperties());
        SuiteReport.rewrite(settings.document(), section);
        System.out.println();
        System.out.println(section);
        boolean failed = results.stream().anyMatch(result -> !result.failures().isEmpty());
        progress(start, "done in %.1f min; %s rewritten%s", seconds / 60, settings.document(),
                 failed ? "; SOME RUNS FAILED (see above)" : "");
        return failed ? 1 : 0;
    }

    /**
     * What one child JVM gave: its figures (null if it wrote none) and what went wrong (null if nothing). The soak
     * writes what it checked and then fails on a difference, so a failed run may still have figures.
     */
    record ChildRun(Figures figures, String failure) {
    }

    private static ChildRun runChild(SuitePart part, int run, Settings settings)
            throws IOException, InterruptedException {
        Path figures = settings.work().resolve(part.name() + "-" + run + ".tsv").toAbsolutePath();
        Path log = settings.work().resolve(part.name() + "-" + run + ".log").toAbsolutePath();
        Files.deleteIfExists(figures);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + part.heap());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        Map<String, String> properties = new LinkedHashMap<>(part.properties());
        properties.putAll(forwardedProperties());
        properties.put(Figures.PROPERTY, figures.toString());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(part.main().getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String prefix = String.format("[%s %d/%d] ", part.name(), run, part.runs(settings.runs()));
        Thread echo = new Thread(() -> echo(process, log, prefix), "echo-" + part.name());
        echo.setDaemon(true);
        echo.start();
        double timeoutMinutes = part.name().equals(SuitePart.SOAK)
                ? Double.parseDouble(System.getProperty("soak.minutes", "10")) + settings.partTimeoutMinutes()
                : settings.partTimeoutMinutes();
        if (!process.waitFor((long) (timeoutMinutes * 60), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            echo.join(5_000);
            return new ChildRun(null, String.format("no end after %.0f min, stopped; log: %s", timeoutMinutes, log));
        }
        echo.join(5_000);
        Figures read = Files.exists(figures) ? Figures.read(figures) : null;
        if (process.exitValue() != 0) {
            return new ChildRun(read, "exit code " + process.exitValue() + "; log: " + log);
        }
        return read == null ? new ChildRun(null, "wrote no figures; log: " + log) : new ChildRun(read, null);
    }

    private static void echo(Process process, Path log, String prefix) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                                                                              StandardCharsets.UTF_8));
             PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                writer.println(line);
                System.out.println(prefix + line);
            }
        } catch (IOException e) {
            System.out.println(prefix + "output lost: " + e);
        }
    }

    /** The {@code bench.*} and {@code soak.*} properties of this JVM that the parts get, sorted. */
    static Map<String, String> forwardedProperties() {
        Map<String, String> forwarded = new TreeMap<>();
        System.getProperties().forEach((key, value) -> {
            String name = key.toString();
            if ((name.startsWith("bench.") || name.startsWith("soak.")) && !OWN_PROPERTIES.contains(name)) {
                forwarded.put(name, value.toString());
            }
        });
        return forwarded;
    }

    private static void progress(long start, String format, Object... args) {
        long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("[suite %tT +%d:%02d] %s%n", System.currentTimeMillis(), elapsed / 60, elapsed % 60,
                          String.format(format, args));
        System.out.flush();
    }
}
