package dev.userlifecycle.app.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Spring Boot prints this analysis instead of the stack trace when the embedded server's data file cannot be used
 * (registered in {@code META-INF/spring.factories}).
 */
class EmbeddedDataFileFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDataFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDataFileException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ".",
                "Start the service in a folder it may write (it keeps its data under ./data/ there), or set "
                + "LIFECYCLE_DATA_FILE to a file in a folder it may write, or set LIFECYCLE_EMBEDDED_BACKEND=memory "
                + "to keep the data in memory only (lost when the process stops). If another process of the "
                + "service has " + cause.file() + " open, stop it first or give this one another file.",
                cause);
    }
}
