package dev.userlifecycle.app;

import java.beans.PropertyEditorSupport;
import java.nio.file.Path;

/** A text as the file-system path it names, as given: relative paths stay relative. */
class FileSystemPathEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        setValue(text == null || text.isEmpty() ? null : Path.of(text));
    }
}
