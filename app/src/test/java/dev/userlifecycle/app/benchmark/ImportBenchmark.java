package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.UserLifecycleApplication;
import dev.userlifecycle.app.importing.ImportFormat;
import dev.userlifecycle.app.importing.ImportOptions;
import dev.userlifecycle.app.importing.ImportProgress;
import dev.userlifecycle.app.importing.ImportReport;
import dev.userlifecycle.app.importing.ImportSource;
import dev.userlifecycle.app.importing.Importer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The CDNOW import as {@code java -jar ... import} runs it: the application without web server and sagas (roles
 * command and query), a fresh store per run, the whole file through the {@link Importer}, and the wall time until
 * the read models of the process have caught up with every stored event. Prints one line per run and the median.
 * <pre>MAVEN_OPTS=-Xmx4g mvn -B -q -pl app -Pbenchmark test-compile exec:java \
 *     -Dexec.mainClass=dev.userlifecycle.app.benchmark.ImportBenchmark \
 *     [-Dbench.import.file=../shared/data/cdnow/CDNOW_master.txt] [-Dbench.import.backend=h2|memory] \
 *     [-Dbench.import.threads=4] [-Dbench.import.runs=1] [-Dlifecycle.import.batch-size=100]</pre>
 * Without {@code bench.import.file} it imports the gzipped copy inside the application; {@code h2} (the default, as
 * the service's) writes a data file in a temporary folder, {@code memory} keeps the store in the heap.
 */
public final class ImportBenchmark {

    private static final String FILE = System.getProperty("bench.import.file", "");
    private static final String BACKEND = System.getProperty("bench.import.backend", "h2");
    private static final int THREADS = Integer.getInteger("bench.import.threads", 4);
    private static final int RUNS = Integer.getInteger("bench.import.runs", 1);

    private ImportBenchmark() {
    }

    /** One run: the report and what the whole took. */
    record Run(ImportReport report, double wallSeconds, long events, double cpuSeconds) {

        double ordersPerSecond() {
            return report.lines() / wallSeconds;
        }
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            System.setProperty("axoniq.update-checker.disabled", "true");
            Locale.setDefault(Locale.ROOT);
            System.out.printf("CDNOW import: %s, backend %s, %d threads, batches of %s lines, %d run(s); %d cores, "
                              + "Java %s%n", FILE.isEmpty() ? "the copy inside the application" : FILE, BACKEND,
                              THREADS, System.getProperty("lifecycle.import.batch-size", "100"), RUNS,
                              Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            List<Run> runs = new ArrayList<>();
            for (int i = 1; i <= RUNS; i++) {
                Run run = runOnce();
                runs.add(run);
                System.out.printf("run %d: %s%n  wall %.1f s until the read models caught up (%,.0f orders/s), "
                                  + "%,d events stored, process CPU %.0f s%n", i, run.report().summary(),
                                  run.wallSeconds(), run.ordersPerSecond(), run.events(), run.cpuSeconds());
            }
            Run median = runs.stream().sorted(Comparator.comparingDouble(Run::wallSeconds)).toList()
                             .get(runs.size() / 2);
            System.out.printf("median of %d: wall %.1f s, %,.0f orders/s (import %.1f s, read models %.1f s after)%n",
                              runs.size(), median.wallSeconds(), median.ordersPerSecond(), median.report().seconds(),
                              median.report().readModelSeconds());
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    static Run runOnce() throws Exception {
        Path folder = Files.createTempDirectory("import-benchmark");
        double cpuBefore = cpuSeconds();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(UserLifecycleApplication.class)
                .web(WebApplicationType.NONE)
                .run("--lifecycle.roles=command,query", "--lifecycle.mongo.uri=",
                     "--lifecycle.mongo.embedded.backend=" + BACKEND,
                     "--lifecycle.mongo.embedded.file=" + folder.resolve("lifecycle.mv"),
                     "--lifecycle.import.threads=" + THREADS, "--logging.level.root=WARN",
                     "--axon.metrics.auto-configuration.enabled=false",
                     "--spring.main.banner-mode=off")) {
            ImportSource source = FILE.isEmpty() ? ImportSource.classpath("cdnow/CDNOW_master.txt.gz")
                    : ImportSource.of(Path.of(FILE));
            long start = System.nanoTime();
            ImportReport report = app.getBean(Importer.class)
                                     .run(source, new ImportOptions(ImportFormat.CDNOW, "USD", false),
                                          new ImportProgress());
            double wall = (System.nanoTime() - start) / 1e9;
            if (!report.completed()) {
                throw new IllegalStateException("the import did not complete: " + report.summary());
            }
            long events = app.getBean(EventStore.class).createHeadToken().position().orElse(0);
            return new Run(report, wall, events, cpuSeconds() - cpuBefore);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                       .getProcessCpuTime() / 1e9;
    }
}
