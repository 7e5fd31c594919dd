package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.benchmark.BenchmarkSuite.PartResult;
import dev.userlifecycle.app.benchmark.BenchmarkSuite.Settings;
import dev.userlifecycle.eventstore.benchmark.Figures;
import dev.userlifecycle.eventstore.benchmark.Figures.Figure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The generated part of {@code docs/benchmarks.md}: the machine, then one table of every figure with the median of
 * its runs, the runs themselves, its baseline (median of the same runs) and the ratio of the two medians; then the
 * parts' notes (the soak's checks) and any failed run. {@link #rewrite} replaces only what lies between the markers.
 */
final class SuiteReport {

    static final String START = "<!-- generated:start -->";
    static final String END = "<!-- generated:end -->";

    private SuiteReport() {
    }

    /** A figure over all runs of its part: its values and its baseline's, in run order. */
    record Row(Figure first, List<Double> values, List<Double> baselines) {

        double median() {
            return SuiteReport.median(values);
        }

        double baselineMedian() {
            return SuiteReport.median(baselines);
        }
    }

    static String render(List<PartResult> results, Settings settings, double seconds, Map<String, String> forwarded) {
        StringBuilder out = new StringBuilder();
        out.append(START).append('\n');
        out.append("<!-- Written by bench/run-all.sh; a rerun replaces everything between the generated markers. "
                   + "-->\n");
        out.append("## Latest run\n\n");
        machine(out, results, settings, seconds, forwarded);
        out.append("\n| figure | unit | median | runs | baseline (same run: the plain MongoDB driver on the same "
                   + "embedded server) | baseline median | median / baseline |\n");
        out.append("| --- | --- | ---: | --- | --- | ---: | ---: |\n");
        for (PartResult result : results) {
            out.append("| **").append(result.part().title()).append("** | | | | | | |\n");
            List<Row> rows = rows(result.runs());
            if (rows.isEmpty()) {
                out.append("| no figures: every run failed | | | | | | |\n");
            }
            for (Row row : rows) {
                Figure figure = row.first();
                boolean baseline = !row.baselines().isEmpty();
                out.append("| ").append(escape(figure.label()))
                   .append(" | ").append(figure.unit())
                   .append(figure.better() == Figures.Better.HIGHER ? " ↑" : " ↓")
                   .append(" | ").append(number(row.median()))
                   .append(" | ").append(row.values().stream().map(SuiteReport::number)
                                             .collect(Collectors.joining(", ")))
                   .append(" | ").append(escape(figure.baselineLabel()))
                   .append(" | ").append(baseline ? number(row.baselineMedian()) : "")
                   .append(" | ").append(baseline ? ratio(row.median() / row.baselineMedian()) : "")
                   .append(" |\n");
            }
        }
        out.append("\nFigures marked ↑ are better higher, ↓ lower. The ratio divides the two medians: for a rate it "
                   + "is the share of the raw driver's rate the service reaches, for a latency or a run time how many "
                   + "times the raw driver's it takes.\n");
        for (PartResult result : results) {
            List<String> notes = result.runs().isEmpty() ? List.of()
                    : result.runs().get(result.runs().size() - 1).notes();
            if (!notes.isEmpty()) {
                out.append("\n**").append(result.part().title()).append("**");
                out.append(result.runs().size() > 1 ? " (last run):\n\n" : ":\n\n");
                boolean inTable = false;
                for (String note : notes) {
                    boolean tableLine = note.startsWith("|");
                    if (tableLine != inTable) {
                        out.append('\n'); // a Markdown table needs blank lines around it
                    }
                    out.append(tableLine ? "" : "- ").append(note).append('\n');
                    inTable = tableLine;
                }
            }
        }
        List<String> failures = results.stream()
                                       .flatMap(result -> result.failures().stream()
                                                                .map(failure -> result.part().name() + ", "
                                                                                + failure))
                                       .toList();
        if (!failures.isEmpty()) {
            out.append("\n**Failed runs** (their figures are missing above or come from fewer runs):\n\n");
            failures.forEach(failure -> out.append("- ").append(failure).append('\n'));
        }
        out.append(END).append('\n');
        return out.toString();
    }

    private static void machine(StringBuilder out, List<PartResult> results, Settings settings, double seconds,
                                Map<String, String> forwarded) {
        Runtime runtime = Runtime.getRuntime();
        out.append("| run | |\n| --- | --- |\n");
        out.append("| date | ").append(ZonedDateTime.now(ZoneOffset.UTC)
                                                   .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
           .append(" |\n");
        out.append("| cores | ").append(runtime.availableProcessors()).append(" (")
           .append(procLine("/proc/cpuinfo", "model name")).append(") |\n");
        out.append("| memory | ").append(memory()).append(" |\n");
        out.append("| Java | ").append(System.getProperty("java.vm.name")).append(' ')
           .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vendor"))
           .append("); heap per part: ")
           .append(results.stream().map(r -> r.part().name() + " " + r.part().heap())
                          .collect(Collectors.joining(", ")))
           .append(" |\n");
        out.append("| code | ").append(commit()).append(" |\n");
        out.append("| runs | ").append(settings.runs())
           .append(" per benchmark, each in a fresh JVM; a figure is the median of its runs; the soak runs once |\n");
        out.append("| settings | ").append(forwarded.isEmpty() ? "the defaults"
                : forwarded.entrySet().stream().map(e -> "`-D" + e.getKey() + "=" + e.getValue() + "`")
                           .collect(Collectors.joining(" "))).append(" |\n");
        out.append(String.format("| run time | %.1f min (the whole command, build excluded) |%n", seconds / 60));
    }

    /** The figures of every run of a part, merged by key in the order the first run wrote them. */
    static List<Row> rows(List<Figures> runs) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Figures run : runs) {
            for (Figure figure : run.figures()) {
                Row row = rows.computeIfAbsent(figure.key(), key -> new Row(figure, new ArrayList<>(),
                                                                            new ArrayList<>()));
                row.values().add(figure.value());
                if (figure.hasBaseline()) {
                    row.baselines().add(figure.baseline());
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Replaces the generated part of the document (or puts it under the title if the document has none). */
    static void rewrite(Path document, String section) throws IOException {
        String text = Files.exists(document) ? Files.readString(document, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated;
        if (start >= 0 && end > start) {
            updated = text.substring(0, start) + section + text.substring(end + END.length()).replaceFirst("^\n", "");
        } else {
            int afterTitle = text.indexOf('\n') + 1;
            updated = text.substring(0, afterTitle) + "\n" + section + "\n" + text.substring(afterTitle);
        }
        Files.writeString(document, updated, StandardCharsets.UTF_8);
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return magnitude >= 100 ? String.format("%,.0f", value)
                : magnitude >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }

    private static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value >= 10 ? String.format("%,.1f", value) : value >= 0.1 ? String.format("%.2f", value)
                : String.format("%.3f", value);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static String memory() {
        String total = procLine("/proc/meminfo", "MemTotal");
        try {
            long kilobytes = Long.parseLong(total.replaceAll("[^0-9]", ""));
            return String.format("%.1f GiB", kilobytes / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return total;
        }
    }

    private static String procLine(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The commit the code was built from, and whether the working tree differed from it. */
    private static String commit() {
        String head = git("rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown (no git)";
        }
        return "commit " + head + (git("status", "--porcelain", "--untracked-files=no").isEmpty() ? ""
                : " with uncommitted changes");
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
