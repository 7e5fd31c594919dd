package dev.userlifecycle.app.soak;

import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.soak.CommandMix.Command;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the soak test's commands at a steady rate (open loop: a command is due every {@code 1/rate} seconds whatever
 * the answers do) and keeps retrying each until it has an answer, as a real client would: a request that got no
 * answer (the service was killed) goes again with the same body and {@code Idempotency-Key} once the service is back;
 * a 409 "request in progress" (the key of a request cut off by the kill, until the service frees it) and a 5xx go
 * again after a pause. Each answer is booked on its user ({@link SoakUser}) as what the store must now hold.
 */
final class SoakDriver {

    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final AppProcess app;
    private final CommandMix mix;
    private final HttpClient client;
    private final ExecutorService workers;
    private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Map<CommandMix.Kind, AtomicInteger> acknowledged = new EnumMap<>(CommandMix.Kind.class);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger inProgressAnswers = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failuresWhileUp = Collections.synchronizedList(new ArrayList<>());

    SoakDriver(AppProcess app, CommandMix mix, int workerThreads) {
        this.app = app;
        this.mix = mix;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(2)).build();
        this.workers = Executors.newFixedThreadPool(workerThreads, runnable -> {
            Thread thread = new Thread(runnable, "soak-client");
            thread.setDaemon(true);
            return thread;
        });
        for (CommandMix.Kind kind : CommandMix.Kind.values()) {
            acknowledged.put(kind, new AtomicInteger());
        }
    }

    /** Sends {@code rate} commands a second until {@code end}; returns when the last one is due (not answered). */
    void sendUntil(Instant end, double rate) {
        long start = System.nanoTime();
        long period = (long) (1e9 / rate);
        for (long i = 0; Instant.now().isBefore(end); i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Command command = mix.next(Instant.now());
            sent.incrementAndGet();
            workers.execute(() -> execute(command));
        }
    }

    /**
     * Registers {@code users} users before the measured run, so that the shares of the mix hold from its start (until
     * users are registered, every command would have to be a registration).
     */
    void registerFirst(int users, Duration timeout) throws InterruptedException {
        for (int i = 0; i < users; i++) {
            Command registration = mix.nextRegistration();
            sent.incrementAndGet();
            workers.execute(() -> execute(registration));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (mix.registeredUsers() < users) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + mix.registeredUsers() + " of " + users
                                                + " users registered within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until every command sent has its answer. */
    void awaitAnswers(Duration timeout) throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("commands still without an answer after " + timeout);
        }
    }

    private void execute(Command command) {
        long first = System.nanoTime();
        boolean retried = false;
        int serverErrorsOfCommand = 0;
        try {
            while (true) {
                if (retried) {
                    retries.incrementAndGet();
                }
                HttpResponse<String> response;
                try {
                    response = client.send(request(command), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    if (!retried) {
                        unanswered.incrementAndGet();
                    }
                    if (app.isUp()) {
                        // the kill may not have been noticed yet: give it a moment before calling it a failure
                        Thread.sleep(1_000);
                        if (app.isUp()) {
                            failuresWhileUp.add(command + ": " + e);
                        }
                    }
                    retried = true;
                    app.awaitUp();
                    continue;
                }
                int status = response.statusCode();
                if (status == 409 && response.body().contains("Request in progress")) {
                    inProgressAnswers.incrementAndGet();
                    retried = true;
                    Thread.sleep(2_000);
                    continue;
                }
                if (status >= 500 && ++serverErrorsOfCommand <= 20) {
                    serverErrors.add(command + " -> " + status + " " + response.body());
                    retried = true;
                    Thread.sleep(1_000);
                    continue;
                }
                if (!retried) {
                    synchronized (latency) {
                        latency.recordValue(Math.min(System.nanoTime() - first, MAX_LATENCY_NANOS));
                    }
                }
                book(command, status, retried, response.body());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unexpected.add(command + ": interrupted before an answer");
        } finally {
            command.user().release();
        }
    }

    private HttpRequest request(Command command) {
        return HttpRequest.newBuilder(app.base().resolve(command.path()))
                          .timeout(REQUEST_TIMEOUT)
                          .header("Content-Type", "application/json")
                          .header("Idempotency-Key", command.idempotencyKey())
                          .header("X-API-Key", TestApiKeys.EVERY_ROLE)
                          .method(command.method(), HttpRequest.BodyPublishers.ofString(command.body()))
                          .build();
    }

    /**
     * Books an answer. After a retry, the first attempt may have taken effect before the kill: then a registration or
     * activation answers 409 and a purchase 200 ("already recorded"), and the command counts as acknowledged.
     */
    private void book(Command command, int status, boolean retried, String body) {
        SoakUser user = command.user();
        boolean ok = switch (command.kind()) {
            case REGISTER -> {
                boolean done = status == 201 || retried && status == 409;
                if (done) {
                    user.registered();
                    mix.noteRegistered(user);
                    if (user.referrerId != null) {
                        mix.users().stream().filter(u -> u.id.equals(user.referrerId)).findFirst()
                           .ifPresent(referrer -> referrer.referred(user.id));
                    }
                }
                yield done;
            }
            case ACTIVATE -> {
                boolean done = status == 200 || retried && status == 409;
                if (done) {
                    user.activated();
                }
                yield done;
            }
            case ACTIVITY -> {
                if (status == 202) {
                    user.wasActive();
                }
                yield status == 202;
            }
            case PURCHASE -> {
                boolean done = status == 201 || retried && status == 200;
                if (done) {
                    user.purchased(command.orderId(), Instant.now());
                }
                yield done;
            }
            case REDEEM -> {
                if (status == 201) {
                    user.redeemed(command.redemptionId());
                } else if (status == 422) {
                    user.redemptionRefused(command.redemptionId());
                }
                yield status == 201 || status == 422;
            }
            case CONSENTS -> {
                if (status == 200) {
                    user.consentsChanged(command.consents());
                }
                yield status == 200;
            }
        };
        if (ok) {
            acknowledged.get(command.kind()).incrementAndGet();
        } else {
            unexpected.add(command + (retried ? " (retried)" : "") + " -> " + status + " " + body);
        }
    }

    int sent() {
        return sent.get();
    }

    Map<CommandMix.Kind, Integer> acknowledged() {
        Map<CommandMix.Kind, Integer> counts = new EnumMap<>(CommandMix.Kind.class);
        acknowledged.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** Commands whose first attempt got no answer. */
    int unanswered() {
        return unanswered.get();
    }

    int retries() {
        return retries.get();
    }

    int inProgressAnswers() {
        return inProgressAnswers.get();
    }

    /** Latency of the commands answered at the first attempt. */
    Histogram latency() {
        return latency;
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    /** Requests that failed without an answer while the service was up. */
    List<String> failuresWhileUp() {
        return List.copyOf(failuresWhileUp);
    }
}
