package dev.userlifecycle.app.benchmark;

import org.HdrHistogram.Histogram;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Closed-loop latency of one kind of request, one at a time: a warm-up, then a measured run. */
record Latency(String name, int requests, int errors, String firstError, double seconds, Histogram histogram) {

    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(120);

    /** Sends {@code warmup} requests unmeasured, then up to {@code requests} or {@code maxSeconds} measured. */
    static Latency measure(String name, int warmup, int requests, double maxSeconds, Callable<Boolean> request) {
        for (int i = 0; i < warmup; i++) {
            call(request);
        }
        Histogram histogram = new Histogram(MAX_NANOS, 3);
        int errors = 0;
        String firstError = null;
        int sent = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        while (sent < requests && System.nanoTime() < deadline) {
            long before = System.nanoTime();
            String error = call(request);
            histogram.recordValue(Math.min(System.nanoTime() - before, MAX_NANOS));
            sent++;
            if (error != null) {
                errors++;
                firstError = firstError == null ? error : firstError;
            }
        }
        return new Latency(name, sent, errors, firstError, (System.nanoTime() - start) / 1e9, histogram);
    }

    private static String call(Callable<Boolean> request) {
        try {
            return request.call() ? null : "unexpected answer";
        } catch (Exception e) {
            return e.toString();
        }
    }

    double millis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1e6;
    }
}
