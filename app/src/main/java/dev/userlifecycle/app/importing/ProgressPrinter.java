package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.importing.ImportProgress.Phase;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows an import's progress: on a terminal one line rewritten in place four times a second, otherwise (a log, a
 * pipe) a line every few seconds.
 */
final class ProgressPrinter implements AutoCloseable {

    private final String name;
    private final ImportProgress progress;
    private final PrintStream out;
    private final boolean terminal;
    private final Duration interval;
    private final Thread thread;
    private int width;

    ProgressPrinter(String name, ImportProgress progress, PrintStream out, boolean terminal, Duration interval) {
        this.name = name;
        this.progress = progress;
        this.out = out;
        this.terminal = terminal;
        this.interval = interval;
        this.thread = new Thread(this::loop, "import-progress");
        thread.setDaemon(true);
    }

    static ProgressPrinter start(String name, ImportProgress progress, PrintStream out, boolean terminal) {
        ProgressPrinter printer = new ProgressPrinter(name, progress, out, terminal,
                                                      terminal ? Duration.ofMillis(250) : Duration.ofSeconds(5));
        printer.thread.start();
        return printer;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(interval.toMillis());
                print();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void print() {
        String line = line(name, progress);
        if (terminal) {
            out.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String line(String name, ImportProgress progress) {
        String counts = String.format("imported %,d, present %,d, bad %,d", progress.imported(),
                                      progress.alreadyPresent(), progress.bad());
        String where = String.format("%s %5.1f%% %,d/%,d lines", name, progress.percent(), progress.processed(),
                                     progress.lines());
        return switch (progress.phase()) {
            case READING -> name + ": reading";
            case CATCHING_UP -> where + "; " + counts + "; waiting for the read models";
            default -> where + String.format(" %,.0f lines/s %s left; ", progress.linesPerSecond(),
                                             clock(progress.secondsLeft())) + counts;
        };
    }

    private static String clock(double seconds) {
        if (seconds < 0) {
            return "-:--";
        }
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format("%d:%02d", whole / 60, whole % 60);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(1000);
        if (progress.phase() != Phase.READING || terminal) {
            print();
        }
        if (terminal) {
            out.println();
        }
    }
}
