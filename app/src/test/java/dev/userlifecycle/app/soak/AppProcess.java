package dev.userlifecycle.app.soak;

import dev.userlifecycle.app.TestApiKeys;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a child process: {@code java -jar} the application jar with the embedded server writing to a data
 * file, on fixed ports (HTTP and the embedded MongoDB), so that it can be killed and started again on the same data
 * and the harness can read its MongoDB with the plain driver. Each start appends to a log file of its own.
 * <p>
 * While the process is down (killed, not yet started again) {@link #awaitUp()} blocks; clients call it after a
 * request failed, to retry once the service answers again.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Path jar;
    private final String heap;
    private final Path dataFile;
    private final int httpPort;
    private final int mongoPort;
    private final String roles;
    private final Path logDirectory;
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;
    private boolean up;

    AppProcess(String name, Path jar, String heap, Path dataFile, int httpPort, int mongoPort, String roles,
               Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.heap = heap;
        this.dataFile = dataFile;
        this.httpPort = httpPort;
        this.mongoPort = mongoPort;
        this.roles = roles;
        this.logDirectory = logDirectory;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The embedded MongoDB of the process, for the plain driver. */
    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** Starts the process and returns once its health endpoint answers; answers the seconds that took. */
    double start() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        starts++;
        Path log = logDirectory.resolve(name + "-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Daxoniq.update-checker.disabled=true", "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                                                            .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                                                    log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.remove("MONGODB_URI");
        environment.put("PORT", String.valueOf(httpPort));
        environment.put("LIFECYCLE_ROLES", roles);
        environment.put("LIFECYCLE_EMBEDDED_BACKEND", "h2");
        environment.put("LIFECYCLE_DATA_FILE", dataFile.toAbsolutePath().toString());
        environment.put("LIFECYCLE_EMBEDDED_PORT", String.valueOf(mongoPort));
        environment.put("MONGODB_DATABASE", SoakRun.DATABASE);
        environment.put("LIFECYCLE_TIME_ZONE", CommandMix.ZONE.getId());
        environment.put("LIFECYCLE_API_KEYS", TestApiKeys.CONFIGURATION);
        // no scheduled sweep or layering run at a time of day the soak happens to cross: what the store holds is
        // then exactly what the commands (and the sagas reacting to them) did
        environment.put("LIFECYCLE_LAYERING_SCHEDULE", "-");
        environment.put("LIFECYCLE_DORMANCY_SCHEDULE", "-");
        environment.put("LIFECYCLE_LOYALTY_EXPIRY_SCHEDULE", "-");
        synchronized (this) {
            process = builder.start();
        }
        awaitHealthy(log);
        synchronized (this) {
            up = true;
            notifyAll();
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    private void awaitHealthy(Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " ended during its start with exit code " + process.exitValue()
                                      + "; see " + log);
            }
            try {
                HttpResponse<Void> response = probe.send(
                        HttpRequest.newBuilder(base().resolve("/actuator/health")).timeout(Duration.ofSeconds(5))
                                   .header("X-API-Key", TestApiKeys.EVERY_ROLE).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " did not become healthy within " + START_TIMEOUT + "; see " + log);
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        Process killed;
        synchronized (this) {
            up = false;
            killed = process;
        }
        killed.destroyForcibly();
        if (!killed.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived kill -9");
        }
    }

    /** A graceful stop ({@code SIGTERM}): the service finishes its requests and closes its data file. */
    void stop() throws InterruptedException {
        Process stopped;
        synchronized (this) {
            up = false;
            stopped = process;
        }
        if (stopped == null || !stopped.isAlive()) {
            return;
        }
        stopped.destroy();
        if (!stopped.waitFor(90, TimeUnit.SECONDS)) {
            stopped.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not stop within 90 s after SIGTERM and was killed");
        }
    }

    synchronized boolean isUp() {
        return up;
    }

    /** Blocks while the process is down. */
    synchronized void awaitUp() throws InterruptedException {
        while (!up) {
            wait(1_000);
        }
    }

    int starts() {
        return starts;
    }

    @Override
    public void close() throws InterruptedException {
        Process last;
        synchronized (this) {
            last = process;
        }
        if (last != null && last.isAlive()) {
            stop();
        }
    }
}
