package dev.userlifecycle.app.mongo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the embedded server keeps its data, and what it says when it cannot. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDataFileTest {

    @TempDir
    Path folder;

    @Test
    void theLogNamesTheAbsoluteDataFile(CapturedOutput log) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(h2(folder.resolve("elsewhere/../data/lifecycle.mv")))) {
            assertThat(mongo.writesToFile()).isTrue();
        }
        Path file = folder.resolve("data/lifecycle.mv");
        assertThat(file).isRegularFile();
        assertThat(log.getOut()).contains("Embedded MongoDB keeps its data in " + file);
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedWithAnAnalysis() throws IOException {
        Files.writeString(folder.resolve("data"), "not a folder");
        Path file = folder.resolve("data/lifecycle.mv");

        assertThatThrownBy(() -> EmbeddedMongo.start(h2(file)))
                .isInstanceOf(EmbeddedDataFileException.class)
                .hasMessage("The embedded MongoDB cannot keep its data in " + file + ": " + folder.resolve("data")
                            + " is a file, where its folder should be");
    }

    @Test
    void aFileAnotherInstanceHasOpenIsRefused() {
        Path file = folder.resolve("data/lifecycle.mv");
        try (EmbeddedMongo first = EmbeddedMongo.start(h2(file))) {
            assertThatThrownBy(() -> EmbeddedMongo.start(h2(file)))
                    .isInstanceOf(EmbeddedDataFileException.class)
                    .hasMessageStartingWith("The embedded MongoDB cannot keep its data in " + file
                                            + ": H2 cannot open it")
                    .hasMessageContaining("locked");
        }
    }

    @Test
    void theAnalysisNamesThePathTheReasonAndTheWaysOut() {
        Path file = folder.resolve("data/lifecycle.mv");
        EmbeddedDataFileException refused = new EmbeddedDataFileException(file, "why", new IOException("io"));

        FailureAnalysis analysis = new EmbeddedDataFileFailureAnalyzer()
                .analyze(new BeanCreationException("embeddedMongo", refused));

        assertThat(analysis.getDescription())
                .isEqualTo("The embedded MongoDB cannot keep its data in " + file + ": why.");
        assertThat(analysis.getAction()).contains("LIFECYCLE_DATA_FILE", "LIFECYCLE_EMBEDDED_BACKEND=memory",
                                                  file.toString());
    }

    private static LifecycleMongoProperties.Embedded h2(Path file) {
        return new LifecycleMongoProperties.Embedded("h2", file, 0);
    }
}
