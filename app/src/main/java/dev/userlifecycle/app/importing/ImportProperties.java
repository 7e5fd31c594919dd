package dev.userlifecycle.app.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the importer ({@code lifecycle.import.*}).
 *
 * @param threads            partitions of users sent at the same time
 * @param batchSize          lines of a partition sent in one unit of work, whose events are stored together
 * @param checkpointInterval how often the line through which everything is stored is saved
 * @param catchUpTimeout     how long an import waits for the read models of its process after the last line
 * @param directory          the folder whose files {@code POST /api/v1/admin/imports} may name by {@code path}
 * @param uploadDirectory    where uploaded files wait for their job; each is deleted when its job ends
 * @param cdnowDemo          the CDNOW history loaded at start (profile {@code cdnow})
 */
@ConfigurationProperties("lifecycle.import")
public record ImportProperties(Integer threads, Integer batchSize, Duration checkpointInterval,
                               Duration catchUpTimeout, Path directory, Path uploadDirectory, CdnowDemo cdnowDemo) {

    public ImportProperties {
        threads = threads == null ? 4 : threads;
        batchSize = batchSize == null ? 100 : batchSize;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(1) : checkpointInterval;
        catchUpTimeout = catchUpTimeout == null ? Duration.ofMinutes(10) : catchUpTimeout;
        directory = directory == null ? Path.of("data", "imports") : directory;
        uploadDirectory = uploadDirectory == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "user-lifecycle-uploads") : uploadDirectory;
        cdnowDemo = cdnowDemo == null ? new CdnowDemo(false, null) : cdnowDemo;
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("lifecycle.import.threads and batch-size must be at least 1, not "
                                               + threads + " and " + batchSize);
        }
    }

    /**
     * @param enabled whether a process with the command and query roles loads it when it starts
     * @param file    the CDNOW master file; when it is missing, the gzipped copy inside the application
     */
    public record CdnowDemo(boolean enabled, Path file) {

        public CdnowDemo {
            file = file == null ? Path.of("..", "shared", "data", "cdnow", "CDNOW_master.txt") : file;
        }
    }
}
