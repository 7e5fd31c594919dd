package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.importing.ImportProperties.CdnowDemo;
import dev.userlifecycle.events.FindLatestLayeringRun;
import dev.userlifecycle.events.LayeringTrigger;
import dev.userlifecycle.query.layers.LayeringQueries;
import dev.userlifecycle.query.layers.LayeringRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the CDNOW history when the service has started (profile {@code cdnow}): an import job of the master file,
 * or of the gzipped copy inside the application when the file is not there, then a layering run as of the last day
 * of the history, so that layers, retention, lifecycle and KPIs answer with real figures. A store that holds the
 * history already skips every line by the checkpoint and is layered again only when it has no run yet.
 */
final class CdnowDemoLoader {

    static final String RESOURCE = "cdnow/CDNOW_master.txt.gz";
    private static final Logger logger = LoggerFactory.getLogger(CdnowDemoLoader.class);

    private final ImportJobService jobs;
    private final LayeringRuns layeringRuns;
    private final LayeringQueries layeringQueries;
    private final CdnowDemo settings;

    CdnowDemoLoader(ImportJobService jobs, LayeringRuns layeringRuns, LayeringQueries layeringQueries,
                    CdnowDemo settings) {
        this.jobs = jobs;
        this.layeringRuns = layeringRuns;
        this.layeringQueries = layeringQueries;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Path file = settings.file().toAbsolutePath().normalize();
        boolean present = Files.isRegularFile(file);
        ImportSource source = present ? ImportSource.of(file) : ImportSource.classpath(RESOURCE);
        ImportJobView job = jobs.start(source, new ImportOptions(ImportFormat.CDNOW, "USD", false), this::layer);
        logger.info("Loading the CDNOW history from {}: GET /api/v1/admin/imports/{} shows how far it is",
                    present ? file : "the copy inside the application (there is no " + file + ")", job.id());
    }

    private void layer(ImportReport report) {
        if (report == null || !report.completed() || report.latestOccurredAt() == null) {
            logger.warn("The CDNOW history was not loaded whole: {}", report == null ? "no report" : report.summary());
            return;
        }
        logger.info("CDNOW history loaded: {}", report.summary());
        if (report.imported() == 0 && layeringQueries.handle(new FindLatestLayeringRun()).isPresent()) {
            return;
        }
        try {
            layeringRuns.run(report.latestOccurredAt(), null, LayeringTrigger.IMPORT);
            logger.info("Layered the CDNOW users as of {}: GET /api/v1/layers", report.latestOccurredAt());
        } catch (RuntimeException e) {
            logger.warn("The layering run after loading the CDNOW history failed", e);
        }
    }
}
