package dev.userlifecycle.app.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code import} sub-command run in this JVM, as {@code java -jar ... import} runs it, against an embedded
 * server in memory: what it prints, the report it writes and its exit code.
 */
class ImportCommandTest {

    private static final String MEMORY = "--lifecycle.mongo.embedded.backend=memory";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void importsAFileReportsItsBadLinesAndExitsWithThreeWhenSomeWereBad() throws IOException {
        Path file = Files.writeString(folder.resolve("orders.csv"), """
                userId,orderId,occurredAt,amount,currency
                u-1,o-1,2026-03-01T09:30:00Z,12.50,CNY
                u-1,o-2,2026-03-02,twelve,CNY
                u-2,,2026-03-02,7.00,
                """);
        Path report = folder.resolve("report.json");

        int exit = run(MEMORY, "--lifecycle.mongo.database=cli_" + System.nanoTime(), "--report=" + report,
                       "--threads=2", file.toString());

        assertThat(exit).as(err()).isEqualTo(ImportCommand.BAD_LINES);
        assertThat(out()).contains("importing orders.csv as csv (default currency USD)")
                         .contains("COMPLETED orders.csv: 3 lines: 2 imported, 0 already present, 1 bad; users: 2 "
                                   + "registered, 0 existing")
                         .contains("  line 3: bad amount 'twelve': not a decimal number")
                         .contains("report written to " + report);
        JsonNode written = new ObjectMapper().readTree(report.toFile());
        assertThat(written.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(written.path("imported").asInt()).isEqualTo(2);
        assertThat(written.path("readModelSeconds").isNumber()).as("it waited for the read models").isTrue();
        assertThat(written.path("badLines").get(0).path("line").asInt()).isEqualTo(3);
    }

    @Test
    void aFileItCannotReadFailsWithOne() throws IOException {
        Path file = Files.writeString(folder.resolve("orders.csv"), "u-1,o-1,2026-03-01T09:30:00Z,12.50,CNY\n");

        int exit = run(MEMORY, file.toString());

        assertThat(exit).isEqualTo(ImportCommand.FAILED);
        assertThat(out()).contains("FAILED orders.csv").contains("the first line of a CSV file must be the header");
    }

    @Test
    void aWrongCommandLineIsAUsageErrorBeforeAnythingStarts() throws IOException {
        Path file = Files.writeString(folder.resolve("orders.csv"), "");

        assertThat(run("--colour=red")).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("which file?").contains("usage: java -jar user-lifecycle-app.jar import");
        assertThat(run("--format=xml", file.toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(run("--currency=usd", file.toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(run("-x", file.toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(run(folder.resolve("missing.csv").toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("unknown format 'xml'").contains("unknown option -x").contains("no file ");
    }

    @Test
    void theImportRunsTheRolesOfTheServiceWithoutSagas() {
        assertThat(ImportCommand.Arguments.importRoles("command,query,sagas")).isEqualTo("command,query");
        assertThat(ImportCommand.Arguments.importRoles("sagas")).isEqualTo("command");
        assertThat(ImportCommand.Arguments.importRoles("QUERY")).isEqualTo("command,query");
    }

    private int run(String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                                 new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
