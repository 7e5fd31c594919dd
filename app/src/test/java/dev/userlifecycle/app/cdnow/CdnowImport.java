package dev.userlifecycle.app.cdnow;

import dev.userlifecycle.app.cdnow.CdnowHistory.Line;
import dev.userlifecycle.events.AcquisitionChannel;
import dev.userlifecycle.events.ActivityKind;
import dev.userlifecycle.events.Money;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.RegisterUser;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the CDNOW history through the command side: per customer a {@link RegisterUser} dated their first line, then
 * each line in date order, a {@link RecordPurchase} when it has a value and a {@link RecordActivity} (a visit) for a
 * zero-value order, which the command side would refuse as a purchase but which is still a day the customer was
 * active. Customers are split over threads; each customer's commands go in order on one thread.
 */
public final class CdnowImport {

    public static final AcquisitionChannel CHANNEL = new AcquisitionChannel("cdnow", "import", null);
    public static final String CURRENCY = "USD";
    private static final LocalTime NOON = LocalTime.NOON;

    private final CommandGateway commandGateway;
    private final ZoneId zone;

    /** What was sent, and how long it took. */
    public record Result(int users, int purchases, int visits, double seconds) {

        public int commands() {
            return users + purchases + visits;
        }

        public double commandsPerSecond() {
            return commands() / seconds;
        }
    }

    public CdnowImport(CommandGateway commandGateway, ZoneId zone) {
        this.commandGateway = commandGateway;
        this.zone = zone;
    }

    public static String userId(String customerId) {
        return "cdnow-" + customerId;
    }

    public static String orderId(Line line) {
        return "cdnow-" + line.lineNumber();
    }

    /** The business time of a line: noon of its date in the platform's time zone. */
    public static Instant occurredAt(LocalDate date, ZoneId zone) {
        return date.atTime(NOON).atZone(zone).toInstant();
    }

    public Result run(CdnowHistory history, int threads) throws InterruptedException {
        List<List<List<Line>>> partitions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            partitions.add(new ArrayList<>());
        }
        int index = 0;
        for (List<Line> customer : history.byCustomer().values()) {
            partitions.get(index++ % threads).add(customer);
        }
        AtomicInteger users = new AtomicInteger();
        AtomicInteger purchases = new AtomicInteger();
        AtomicInteger visits = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<List<Line>> partition : partitions) {
                done.add(executor.submit(() -> {
                    for (List<Line> customer : partition) {
                        send(customer, users, purchases, visits);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the CDNOW import failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
        return new Result(users.get(), purchases.get(), visits.get(), (System.nanoTime() - start) / 1e9);
    }

    private void send(List<Line> customer, AtomicInteger users, AtomicInteger purchases, AtomicInteger visits) {
        Line first = customer.get(0);
        String userId = userId(first.customerId());
        commandGateway.sendAndWait(new RegisterUser(userId, CHANNEL, null, null, null, null,
                                                    occurredAt(first.date(), zone)));
        users.incrementAndGet();
        for (Line line : customer) {
            Instant occurredAt = occurredAt(line.date(), zone);
            if (line.isPurchase()) {
                commandGateway.sendAndWait(new RecordPurchase(userId, orderId(line),
                                                              new Money(line.dollars(), CURRENCY), occurredAt,
                                                              line.date()));
                purchases.incrementAndGet();
            } else {
                commandGateway.sendAndWait(new RecordActivity(userId, ActivityKind.VISIT, occurredAt, line.date()));
                visits.incrementAndGet();
            }
        }
    }
}
