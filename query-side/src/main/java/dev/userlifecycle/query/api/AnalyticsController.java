package dev.userlifecycle.query.api;

import dev.userlifecycle.events.FindKpis;
import dev.userlifecycle.events.FindLifecycle;
import dev.userlifecycle.events.FindRetention;
import dev.userlifecycle.events.FindWakeUpFunnel;
import dev.userlifecycle.events.GrowthKpis;
import dev.userlifecycle.events.InvalidRequestException;
import dev.userlifecycle.events.LifecycleView;
import dev.userlifecycle.events.RetentionTable;
import dev.userlifecycle.events.WakeUpFunnel;
import dev.userlifecycle.query.analytics.AnalyticsNames;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;

/**
 * Retention, lifecycle composition, growth KPIs and the wake-up funnel, answered from precomputed documents. Dates are calendar days of
 * the platform's time zone; without them a query covers the most recent data.
 */
@RestController
@RequestMapping("/api/v1")
public class AnalyticsController {

    private static final long MAX_WINDOW_DAYS = 3_660;

    private final QueryGateway queryGateway;

    public AnalyticsController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** A cohort retention table: {@code cohort} and {@code period} are day, week or month. */
    @GetMapping("/retention")
    public RetentionTable retention(@RequestParam(defaultValue = "registration") String basis,
                                    @RequestParam(defaultValue = "week") String cohort,
                                    @RequestParam(required = false) String period,
                                    @RequestParam(defaultValue = "on") String mode,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws InterruptedException, ExecutionException {
        AnalyticsNames.basis("basis", basis);
        AnalyticsNames.granularity("cohort", cohort);
        AnalyticsNames.granularity("period", period == null ? cohort : period);
        AnalyticsNames.mode("mode", mode);
        requireWindow(from, to);
        return queryGateway.query(new FindRetention(basis, cohort, period == null ? cohort : period, mode, from, to),
                                  RetentionTable.class).get();
    }

    /** New, returning, resurrecting and dormant users per {@code interval} (day, week or month). */
    @GetMapping("/lifecycle")
    public LifecycleView lifecycle(@RequestParam(defaultValue = "week") String interval,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws InterruptedException, ExecutionException {
        AnalyticsNames.granularity("interval", interval);
        requireWindow(from, to);
        return queryGateway.query(new FindLifecycle(interval, from, to), LifecycleView.class).get();
    }

    /** Growth figures of a window of days. */
    @GetMapping("/kpis")
    public GrowthKpis kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws InterruptedException, ExecutionException {
        requireWindow(from, to);
        return queryGateway.query(new FindKpis(from, to), GrowthKpis.class).get();
    }

    /**
     * The wake-up funnel of the campaign entries made on the days [{@code from}, {@code to}], open where omitted; it
     * reads only the days that have entries, so the window has no longest span.
     */
    @GetMapping("/campaigns/wake-up")
    public WakeUpFunnel wakeUpFunnel(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws InterruptedException, ExecutionException {
        requireOrdered(from, to);
        return queryGateway.query(new FindWakeUpFunnel(from, to), WakeUpFunnel.class).get();
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to (" + to + ")");
        }
    }

    private static void requireWindow(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return;
        }
        requireOrdered(from, to);
        if (ChronoUnit.DAYS.between(from, to) > MAX_WINDOW_DAYS) {
            throw new InvalidRequestException("to", "the window may span at most " + MAX_WINDOW_DAYS + " days");
        }
    }
}
