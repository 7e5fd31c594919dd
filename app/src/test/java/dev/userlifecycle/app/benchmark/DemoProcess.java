package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.TestApiKeys;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The README's CDNOW demo as a child process: {@code java -jar <jar> --spring.profiles.active=cdnow} in a folder of
 * its own, where no {@code ../shared} holds the CDNOW file, so the demo loads the copy inside the jar. Besides the
 * port, it is told only what the harness needs to reach it: a known API key and a fixed port for its embedded
 * MongoDB, which the harness reads with the plain driver.
 */
final class DemoProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final long started;

    private DemoProcess(Process process, Path log, long started) {
        this.process = process;
        this.log = log;
        this.started = started;
    }

    static DemoProcess start(Path jar, Path folder, int httpPort, int mongoPort) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar.toAbsolutePath() + ": build it first (bench/run-all.sh does)");
        }
        Path log = folder.resolve("demo.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-jar", jar.toAbsolutePath().toString(),
                "--spring.profiles.active=cdnow"))
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LIFECYCLE_") || name.startsWith("MONGODB_"));
        environment.put("PORT", String.valueOf(httpPort));
        environment.put("LIFECYCLE_EMBEDDED_PORT", String.valueOf(mongoPort));
        environment.put("LIFECYCLE_API_KEYS", TestApiKeys.CONFIGURATION);
        long started = System.nanoTime();
        System.out.printf("starting the CDNOW demo: %s (log %s)%n", String.join(" ", builder.command()), log);
        return new DemoProcess(builder.start(), log, started);
    }

    /** Waits until {@code GET /api/v1/layers} answers 200; the seconds since the start. */
    double awaitLayers(InetSocketAddress service, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KeepAliveConnection http = new KeepAliveConnection(service, TestApiKeys.EVERY_ROLE)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the demo ended with exit code " + process.exitValue()
                                                    + "; see " + log);
                }
                try {
                    if (http.get("/api/v1/layers") == 200) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
        throw new IllegalStateException("GET /api/v1/layers did not answer within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
