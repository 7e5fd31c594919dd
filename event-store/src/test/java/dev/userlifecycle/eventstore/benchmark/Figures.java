package dev.userlifecycle.eventstore.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures a benchmark run measured, each with its baseline from the same run (the plain MongoDB driver doing the
 * same writes or reads on the same server), for the benchmark suite that runs every benchmark and keeps the medians.
 * A benchmark main prints its own report as before and, when the system property {@value #PROPERTY} names a file,
 * also writes its figures there: one tab-separated line per figure or note.
 */
public final class Figures {

    public static final String PROPERTY = "bench.figures";
    private static final String FIGURE = "figure";
    private static final String NOTE = "note";

    /** Whether a larger value of a figure is better (a rate) or a smaller one (a latency, a run time). */
    public enum Better { HIGHER, LOWER }

    /**
     * One measured figure.
     *
     * @param key           stable identifier, unique within a suite ({@code cdnow.import})
     * @param label         what was measured, for the table
     * @param unit          unit of the value and of the baseline
     * @param baselineLabel what the baseline did; empty when the figure has none
     * @param baseline      the baseline's value in the same unit; NaN when none
     */
    public record Figure(String key, String label, String unit, Better better, double value, String baselineLabel,
                         double baseline) {

        public boolean hasBaseline() {
            return !Double.isNaN(baseline);
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Figures add(String key, String label, String unit, Better better, double value, String baselineLabel,
                       double baseline) {
        figures.add(new Figure(key, clean(label), clean(unit), better, value, clean(baselineLabel), baseline));
        return this;
    }

    public Figures add(String key, String label, String unit, Better better, double value) {
        return add(key, label, unit, better, value, "", Double.NaN);
    }

    /** A line of text the suite shows under its table (a target, a count that is no figure). */
    public Figures note(String text) {
        notes.add(clean(text));
        return this;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Writes the figures to the file named by {@value #PROPERTY}, if it is set. */
    public void writeIfAsked() {
        String file = System.getProperty(PROPERTY);
        if (file != null && !file.isBlank()) {
            write(Path.of(file));
        }
    }

    public void write(Path file) {
        List<String> lines = new ArrayList<>();
        for (Figure figure : figures) {
            lines.add(String.join("\t", FIGURE, figure.key(), figure.label(), figure.unit(), figure.better().name(),
                                  number(figure.value()), figure.baselineLabel(), number(figure.baseline())));
        }
        notes.forEach(note -> lines.add(NOTE + "\t" + note));
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figures to " + file, e);
        }
    }

    public static Figures read(Path file) {
        Figures read = new Figures();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields[0].equals(FIGURE) && fields.length == 8) {
                    read.add(fields[1], fields[2], fields[3], Better.valueOf(fields[4]), Double.parseDouble(fields[5]),
                             fields[6], Double.parseDouble(fields[7]));
                } else if (fields[0].equals(NOTE) && fields.length == 2) {
                    read.note(fields[1]);
                } else if (!line.isBlank()) {
                    throw new IllegalArgumentException("not a figure or note line of " + file + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the figures of " + file, e);
        }
        return read;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.6f", value);
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ');
    }
}
