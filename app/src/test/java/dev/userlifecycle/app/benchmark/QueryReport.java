package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.benchmark.QueryBenchmark.Imported;
import dev.userlifecycle.app.benchmark.QueryBenchmark.QueryResult;
import dev.userlifecycle.app.benchmark.QueryBenchmark.SizeResult;

import dev.userlifecycle.eventstore.benchmark.Figures;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The printed tables of {@link QueryBenchmark} and its targets. */
final class QueryReport {

    private static final double CATCH_UP_TARGET = 10_000;
    private static final double PROFILE_P99_TARGET_MS = 5;
    private static final double TABLE_P99_TARGET_MS = 50;
    private static final double LAYERING_TARGET_S = 30;

    private QueryReport() {
    }

    static String table(List<SizeResult> sizes) {
        StringBuilder out = new StringBuilder();
        for (SizeResult size : sizes) {
            out.append(String.format("%n%s, %,d users: %s%n", size.name(), size.users(), size.setUp()));
            if (!size.catchUpSeconds().isEmpty()) {
                double all = size.catchUpSeconds().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                out.append(String.format("  catch-up from a reset, %,d events, processors side by side: all at the "
                                         + "head after %.2f s (%,.0f events/s each, %,.0f events/s handled in all)%n",
                                         size.events(), all, size.events() / all,
                                         size.events() * size.catchUpSeconds().size() / all));
                size.catchUpSeconds().forEach((name, seconds) -> out.append(String.format(
                        "    %-16s %6.2f s  %,8.0f events/s%n", name, seconds, size.events() / seconds)));
            }
            if (size.replay() != null) {
                out.append(String.format("  full replay through the engine, payloads: %,d events in %.2f s (%,.0f "
                                         + "events/s); raw driver find() of the same documents: %,.0f/s%n",
                                         size.replay().events(), size.replay().seconds(),
                                         size.replay().eventsPerSecond(), size.eventsScan().eventsPerSecond()));
            }
            if (size.imported() != null) {
                out.append(String.format("  baseline of the import: raw driver insertOne of %,d order documents: "
                                         + "%,.0f/s%n", size.imported().orders(),
                                         size.imported().baselineOrdersPerSecond()));
            }
            out.append(String.format("  analytics documents %s: %.2f s%n",
                                     size.catchUpSeconds().isEmpty() ? "rebuilt from user_facts and written"
                                             : "written after the catch-up", size.rebuildSeconds()));
            out.append("  | query                                                          | way          | requests "
                       + "| p50 ms | p99 ms | max ms | errors | p50 / raw | p99 / raw |\n");
            out.append("  |----------------------------------------------------------------|--------------|----------"
                       + "|--------|--------|--------|--------|-----------|-----------|\n");
            for (QueryResult query : size.queries()) {
                row(out, query.name(), "HTTP", query.http(), query.baseline());
                row(out, "", "QueryGateway", query.gateway(), query.baseline());
                row(out, "", "raw driver", query.baseline(), null);
            }
            if (size.layeringSeconds().isEmpty()) {
                out.append("  layering runs: not measured ").append(size.layeringNote()).append('\n');
            } else {
                out.append("  layering runs (POST /api/v1/layers/runs): ")
                   .append(size.layeringSeconds().stream().map(s -> String.format("%.2f s", s))
                               .collect(Collectors.joining(", ")))
                   .append('\n');
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String way, Latency latency, Latency baseline) {
        if (latency == null) {
            return;
        }
        out.append(String.format("  | %-62s | %-12s | %,8d | %6.2f | %6.2f | %6.1f | %6d | %9s | %9s |%n", name, way,
                                 latency.requests(), latency.millis(50), latency.millis(99), latency.maxMillis(),
                                 latency.errors(), ratio(latency, baseline, 50), ratio(latency, baseline, 99)));
    }

    private static String ratio(Latency latency, Latency baseline, double percentile) {
        if (baseline == null || baseline.millis(percentile) == 0) {
            return "";
        }
        return String.format("%.1f", latency.millis(percentile) / baseline.millis(percentile));
    }

    static String targets(List<SizeResult> sizes) {
        StringBuilder out = new StringBuilder("Targets:\n");
        for (SizeResult size : sizes) {
            if (!size.catchUpSeconds().isEmpty()) {
                double slowest = size.catchUpSeconds().values().stream().mapToDouble(Double::doubleValue).max()
                                     .orElse(0);
                double rate = size.events() / slowest;
                target(out, String.format("%s catch-up >= %,.0f events/s per processor: slowest %,.0f", size.name(),
                                          CATCH_UP_TARGET, rate), rate >= CATCH_UP_TARGET);
            }
        }
        Optional<SizeResult> largest = sizes.stream().max((a, b) -> Long.compare(a.users(), b.users()));
        largest.ifPresent(size -> {
            Map<String, QueryResult> byName = size.queries().stream()
                                                  .collect(Collectors.toMap(QueryResult::name, Function.identity()));
            byName.forEach((name, query) -> {
                if (query.baseline() == null && query.gateway() == null) {
                    return; // a reference row, such as the HTTP floor, has no target of its own
                }
                double limit = name.equals("profile") ? PROFILE_P99_TARGET_MS : TABLE_P99_TARGET_MS;
                double p99 = query.http().millis(99);
                target(out, String.format("%,d users, %s over HTTP: p99 < %.0f ms: %.2f ms", size.users(), name,
                                          limit, p99), p99 < limit && query.http().errors() == 0);
            });
            if (!size.layeringSeconds().isEmpty()) {
                double slowest = size.layeringSeconds().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                target(out, String.format("%,d users, layering run < %.0f s: slowest %.1f s", size.users(),
                                          LAYERING_TARGET_S, slowest), slowest < LAYERING_TARGET_S);
            }
        });
        return out.toString();
    }

    /**
     * The figures for the benchmark suite, keys prefixed by the size ({@code cdnow.}, {@code synthetic.}); every query
     * is over HTTP with the raw driver reading the same documents as its baseline.
     */
    static Figures figures(List<SizeResult> sizes) {
        Figures figures = new Figures();
        for (SizeResult size : sizes) {
            String prefix = size.imported() != null ? "cdnow" : "synthetic";
            String users = String.format("%,d users", size.users());
            Imported imported = size.imported();
            if (imported != null) {
                figures.add(prefix + ".import", String.format("CDNOW import, %,d orders of %s (%s), until every "
                                                              + "processor caught up", imported.orders(), users,
                                                              imported.how()),
                            "orders/s", Figures.Better.HIGHER, imported.ordersPerSecond(),
                            "insertOne of each order as a plain document", imported.baselineOrdersPerSecond());
            }
            if (!size.catchUpSeconds().isEmpty()) {
                double slowest = size.catchUpSeconds().values().stream().mapToDouble(Double::doubleValue).max()
                                     .orElse(0);
                figures.add(prefix + ".catchup", String.format("projection catch-up from the tail over %,d events "
                                                               + "(%d processors side by side), per processor",
                                                               size.events(), size.catchUpSeconds().size()),
                            "events/s", Figures.Better.HIGHER, size.events() / slowest,
                            "find() of every event document", size.eventsScan().eventsPerSecond());
            }
            if (size.replay() != null) {
                figures.add(prefix + ".replay", String.format("full replay of %,d events through the engine, "
                                                              + "payloads deserialized", size.replay().events()),
                            "events/s", Figures.Better.HIGHER, size.replay().eventsPerSecond(),
                            "find() of every event document", size.eventsScan().eventsPerSecond());
            }
            for (QueryResult query : size.queries()) {
                if (query.http() == null) {
                    continue;
                }
                String baseline = query.baseline() == null ? "" : "the same documents by _id";
                for (int percentile : new int[]{50, 99}) {
                    figures.add(prefix + ".query." + query.key() + ".p" + percentile,
                                percentile == 50 ? query.name() + " over HTTP at " + users + ": latency p50"
                                        : "  latency p99 of those", "ms", Figures.Better.LOWER,
                                query.http().millis(percentile), baseline,
                                query.baseline() == null ? Double.NaN : query.baseline().millis(percentile));
                }
            }
            if (!size.layeringSeconds().isEmpty()) {
                double mean = size.layeringSeconds().stream().mapToDouble(Double::doubleValue).average().orElse(0);
                figures.add(prefix + ".layering", String.format("layering run (POST /api/v1/layers/runs) over %s, "
                                                                + "mean of %d", users, size.layeringSeconds().size()),
                            "s", Figures.Better.LOWER, mean, "find() of every user_facts document",
                            size.factsScan().seconds());
            }
            if (size.imported() == null) {
                figures.add(prefix + ".analytics", "analytics documents rebuilt from " + users + "' facts and written",
                            "s", Figures.Better.LOWER, size.rebuildSeconds(), "find() of every user_facts document",
                            size.factsScan().seconds());
            }
        }
        return figures;
    }

    private static void target(StringBuilder out, String text, boolean met) {
        out.append(met ? "  [MET ] " : "  [MISS] ").append(text).append('\n');
    }
}
