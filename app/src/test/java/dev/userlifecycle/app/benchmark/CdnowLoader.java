package dev.userlifecycle.app.benchmark;

import dev.userlifecycle.app.cdnow.CdnowHistory;
import dev.userlifecycle.app.importing.ImportCheckpoints;
import dev.userlifecycle.app.importing.ImportFormat;
import dev.userlifecycle.app.importing.ImportOptions;
import dev.userlifecycle.app.importing.ImportProgress;
import dev.userlifecycle.app.importing.ImportReport;
import dev.userlifecycle.app.importing.ImportSource;
import dev.userlifecycle.app.importing.Importer;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;

/** How the CDNOW history goes into the app under test: {@link #chosen()} is the one place that picks the way. */
interface CdnowLoader {

    /** What went in: customers registered, orders (CDNOW lines) and commands sent. */
    record Loaded(int users, int orders, int commands) {
    }

    static CdnowLoader chosen() {
        return new ThroughTheImporter();
    }

    /** How this loader imports, for the report. */
    String description(int threads);

    /** Imports the whole history into the running app; returns when every order is stored. */
    Loaded load(QueryBenchmark.App app, CdnowHistory history, int threads) throws Exception;

    /** The service's {@link Importer}, as the import sub-command and the admin endpoint run it. */
    final class ThroughTheImporter implements CdnowLoader {

        private static final int BATCH_SIZE = 100;

        @Override
        public String description(int threads) {
            return "the service's importer, " + threads + " partitions, " + BATCH_SIZE + " lines a unit of work";
        }

        @Override
        public Loaded load(QueryBenchmark.App app, CdnowHistory history, int threads) {
            Importer importer = new Importer(app.bean(CommandGateway.class), app.bean(ImportCheckpoints.class),
                                             app.zone(), threads, BATCH_SIZE, Duration.ofSeconds(1), null);
            ImportReport report = importer.run(ImportSource.classpath(CdnowHistory.RESOURCE),
                                               new ImportOptions(ImportFormat.CDNOW, "USD", false),
                                               new ImportProgress());
            if (!report.completed() || report.bad() > 0) {
                throw new IllegalStateException(report.summary());
            }
            return new Loaded(report.usersRegistered(), report.lines(), report.lines() + report.usersRegistered());
        }
    }
}
