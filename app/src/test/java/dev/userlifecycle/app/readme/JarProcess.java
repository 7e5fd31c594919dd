package dev.userlifecycle.app.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.userlifecycle.app.readme.Poll.poll;

/**
 * {@code java -jar app/target/user-lifecycle-app.jar <arguments>} as a user types it, started in {@code folder}, with
 * stdout and stderr in a log file there. Nothing the service reads is set for it: what the environment of this build
 * holds of it is removed, so that the command runs on its defaults.
 */
final class JarProcess implements AutoCloseable {

    static final int README_PORT = 8080;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern KEY = Pattern.compile("X-API-Key: (\\S+)");
    private static final List<String> SERVICE_VARIABLE_PREFIXES = List.of("LIFECYCLE_", "MONGODB_", "SPRING_",
                                                                           "SERVER_");

    private final Process process;
    private final Path log;
    private final int port;

    private JarProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static JarProcess start(Path folder, String logName, int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                                                           .toString(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        Path log = folder.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                                                            .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.equals("PORT")
                                              || SERVICE_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith));
        if (port != README_PORT) {
            environment.put("PORT", String.valueOf(port));
        }
        try {
            return new JarProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The README's port, or a free one when something else on this machine listens on it already (a developer's
     * running service): the port is not what the tests are about.
     */
    static int readmePortOrFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(README_PORT));
            return README_PORT;
        } catch (IOException taken) {
            try (ServerSocket any = new ServerSocket(0)) {
                return any.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The jar {@code package} repackaged; failsafe names it (app/pom.xml). */
    private static Path jar() {
        Path jar = Path.of(System.getProperty("app.jar", "target/user-lifecycle-app.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": run these tests with mvn verify, after package");
        }
        return jar;
    }

    int port() {
        return port;
    }

    /** Waits until the service is ready (its readiness probe answers 200), failing at once if the process ends. */
    void awaitReady(ServiceClient client) {
        poll("the service at port " + port + " to be ready", START_TIMEOUT, () -> {
            requireAlive();
            return client.status("/actuator/health/readiness");
        }, status -> status == 200);
    }

    /** The key the service generated and logged, found as the README says: {@code grep 'X-API-Key:'}. */
    String generatedKey() {
        return log().lines().map(KEY::matcher).filter(Matcher::find).map(match -> match.group(1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no 'X-API-Key:' in the log:\n" + tail()));
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("the service ended with exit code " + process.exitValue() + ":\n" + tail());
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue())
                                                                           : Optional.empty();
    }

    String log() {
        try {
            // the service may be writing the last line: a cut character must not fail the read
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** A graceful stop, as Ctrl-C or {@code kill}: SIGTERM, then a kill when it takes too long. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
