package dev.userlifecycle.app.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userlifecycle.app.UserLifecycleApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code import} sub-command: {@code java -jar user-lifecycle-app.jar import [options] <file>} imports the file
 * into the configured store and exits. It runs the application without its web server and without the sagas role
 * (history starts no outreach), with the command role and, when configured, the query role, whose read models it
 * waits for before it exits. Other {@code --name=value} arguments are Spring properties, as for the service.
 * Ctrl-C stops after the lines in flight and saves the checkpoint; the same command again goes on from there.
 */
public final class ImportCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_LINES = 3;

    static final String HELP = """
            usage: java -jar user-lifecycle-app.jar import [--format=cdnow|csv] [--currency=USD] [--from-start]
                   [--report=report.json] [--threads=N] [--name=value ...] <file>
              --format      cdnow (CDNOW_master.txt, CDNOW_sample.txt) or csv (header userId,orderId,occurredAt,
                            amount,currency); default: csv for *.csv and *.csv.gz, cdnow otherwise
              --currency    currency of lines that name none (every CDNOW line); default USD
              --from-start  send every line again instead of going on from the checkpoint of an earlier run
              --report      write the report with every bad line as JSON to this file
              --threads     partitions of users sent at the same time (lifecycle.import.threads, default 4)
              --name=value  any other setting of the service, such as --lifecycle.mongo.uri=mongodb://...
            exit codes: 0 imported, 3 imported but some lines were bad, 1 failed or stopped, 2 usage""";

    private static final int BAD_LINES_SHOWN = 100;

    private ImportCommand() {
    }

    /** Runs the sub-command with the arguments after {@code import}; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(HELP);
            return USAGE;
        }
        if (arguments.help()) {
            out.println(HELP);
            return OK;
        }
        if (!Files.isRegularFile(arguments.file())) {
            err.println("no file " + arguments.file());
            return USAGE;
        }
        UserLifecycleApplication.disableAxonUpdateChecker();
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(UserLifecycleApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .registerShutdownHook(false)
                    .run(arguments.springArguments());
        } catch (RuntimeException e) {
            err.println("the service could not start: " + rootCause(e));
            return FAILED;
        }
        return importWith(context, arguments, out, err);
    }

    private static int importWith(ConfigurableApplicationContext context, Arguments arguments, PrintStream out,
                                  PrintStream err) {
        ImportProgress progress = new ImportProgress();
        CountDownLatch closed = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            progress.cancel();
            awaitQuietly(closed);
        }, "import-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            ImportOptions options = new ImportOptions(arguments.format(), arguments.currency(),
                                                      arguments.fromStart());
            String name = arguments.file().getFileName().toString();
            out.printf("importing %s as %s (default currency %s) into the configured store%n", name,
                       options.format().label(), options.currency());
            ImportReport report;
            try (ProgressPrinter ignored = ProgressPrinter.start(name, progress, out, System.console() != null)) {
                report = context.getBean(Importer.class).run(ImportSource.of(arguments.file()), options, progress);
            }
            printReport(report, out);
            if (arguments.report() != null) {
                context.getBean(ObjectMapper.class).writerWithDefaultPrettyPrinter()
                       .writeValue(arguments.report().toFile(), report);
                out.println("report written to " + arguments.report());
            }
            return !report.completed() ? FAILED : report.bad() > 0 ? BAD_LINES : OK;
        } catch (IOException | RuntimeException e) {
            err.println("the import failed: " + rootCause(e));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } finally {
            context.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already: it only waited for this close
            }
        }
    }

    private static void printReport(ImportReport report, PrintStream out) {
        out.println(report.summary());
        List<BadLine> bad = report.badLines();
        for (BadLine line : bad.subList(0, Math.min(bad.size(), BAD_LINES_SHOWN))) {
            out.printf("  line %d: %s%n", line.line(), line.reason());
        }
        if (bad.size() > BAD_LINES_SHOWN) {
            out.printf("  … and %,d more bad lines (--report=FILE writes them all)%n", bad.size() - BAD_LINES_SHOWN);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : e.getMessage() + " (" + cause + ")";
    }

    /** The sub-command's arguments; {@code spring} holds the other {@code --name=value} ones. */
    record Arguments(Path file, ImportFormat format, String currency, boolean fromStart, Path report,
                     Integer threads, boolean help, List<String> spring) {

        static Arguments parse(String[] args) {
            Path file = null;
            String format = null;
            String currency = null;
            boolean fromStart = false;
            Path report = null;
            Integer threads = null;
            boolean help = false;
            List<String> spring = new ArrayList<>();
            for (String arg : args) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                switch (name) {
                    case "--format" -> format = required(name, value);
                    case "--currency" -> currency = required(name, value);
                    case "--from-start" -> fromStart = true;
                    case "--report" -> report = Path.of(required(name, value));
                    case "--threads" -> threads = threads(required(name, value));
                    case "--help", "-h" -> help = true;
                    default -> {
                        if (arg.startsWith("--") && value != null) {
                            spring.add(arg);
                        } else if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        } else if (file != null) {
                            throw new IllegalArgumentException("one file at a time: " + file + " and " + arg);
                        } else {
                            file = Path.of(arg);
                        }
                    }
                }
            }
            if (file == null && !help) {
                throw new IllegalArgumentException("which file? name the file to import");
            }
            ImportFormat chosen = format != null ? ImportFormat.named(format)
                    : file == null ? ImportFormat.CDNOW : ImportFormat.forFile(file.getFileName().toString());
            new ImportOptions(chosen, currency, fromStart); // checks the currency before the service starts
            return new Arguments(file, chosen, currency, fromStart, report, threads, help, List.copyOf(spring));
        }

        private static String required(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
            }
            return value;
        }

        private static int threads(String value) {
            try {
                int threads = Integer.parseInt(value);
                if (threads >= 1) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--threads must be a whole number of at least 1, not " + value);
        }

        /**
         * The Spring arguments of the import run: the roles of the service without {@code sagas} and with
         * {@code command}, quiet logging and no Axon metrics unless asked otherwise, and the given settings.
         */
        String[] springArguments() {
            List<String> result = new ArrayList<>(spring);
            String roles = spring.stream().filter(arg -> arg.startsWith("--lifecycle.roles="))
                                 .map(arg -> arg.substring("--lifecycle.roles=".length())).reduce((a, b) -> b)
                                 .orElseGet(() -> System.getProperty("lifecycle.roles",
                                                                     System.getenv().getOrDefault("LIFECYCLE_ROLES",
                                                                                                  "command,query")));
            result.add("--lifecycle.roles=" + importRoles(roles));
            if (spring.stream().noneMatch(arg -> arg.startsWith("--logging.level.root="))) {
                result.add("--logging.level.root=WARN");
            }
            if (threads != null) {
                result.add("--lifecycle.import.threads=" + threads);
            }
            return result.toArray(String[]::new);
        }

        static String importRoles(String configured) {
            Set<String> roles = new LinkedHashSet<>();
            roles.add("command");
            Arrays.stream(configured.split(",")).map(role -> role.trim().toLowerCase(Locale.ROOT))
                  .filter(role -> role.equals("query")).forEach(roles::add);
            return String.join(",", roles);
        }
    }
}
